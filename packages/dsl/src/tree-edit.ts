/**
 * Row and column trees: building them from declarations, and editing an
 * inherited tree (`amend table`): an item with an existing id replaces it
 * where it stands, `remove` drops items, `insert before|after` adds new ones.
 */
import type * as A from './ast.js';
import type { Report } from './diagnostics.js';
import type { TreeItem } from './model.js';

export function buildItems(uri: string, items: readonly A.Item[], report: Report): TreeItem[] {
  const out: TreeItem[] = [];
  for (const it of items) {
    if (it.kind === 'remove' || it.kind === 'insert') {
      report(uri, 'dsl-edit-outside-amend', `${it.kind} 只能用在 amend table 中`, it.range);
      continue;
    }
    out.push(buildItem(uri, it, report));
  }
  return out;
}

function buildItem(uri: string, it: A.LeafItem | A.GroupItem, report: Report): TreeItem {
  const nameRange = it.name?.range ?? it.label.range;
  const origin = { uri, range: it.range, nameRange };
  if (it.kind === 'group') {
    return {
      kind: 'group',
      ...(it.name?.text ? { id: it.name.text } : {}),
      label: it.label.value,
      aliases: [],
      total: false,
      children: buildItems(uri, it.items, report),
      origin,
    };
  }
  return {
    kind: 'leaf',
    id: it.name.text,
    label: it.label.value,
    aliases: it.aliases.map((a) => a.value),
    total: it.total,
    ...(it.cellKind ? { cellKind: it.cellKind } : {}),
    children: [],
    origin,
  };
}

type Path = { siblings: TreeItem[]; index: number };

/** Finds an item by id anywhere in a (mutable copy of a) tree. */
function locate(items: TreeItem[], id: string): Path | undefined {
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    if (it.id === id) return { siblings: items, index: i };
    const inner = locate(it.children as TreeItem[], id);
    if (inner) return inner;
  }
  return undefined;
}

/** A deep copy whose child arrays may be spliced. */
function copyTree(items: readonly TreeItem[]): TreeItem[] {
  return items.map((it) => ({ ...it, children: copyTree(it.children) }));
}

export function applyEdits(
  uri: string,
  base: readonly TreeItem[],
  edits: readonly A.Item[],
  what: '行' | '列',
  report: Report,
): TreeItem[] {
  const tree = copyTree(base);
  for (const e of edits) {
    if (e.kind === 'remove') {
      for (const n of e.names) {
        const at = locate(tree, n.text);
        if (at) at.siblings.splice(at.index, 1);
        else report(uri, unknownId(what), `没有可删除的${what}“${n.text}”`, n.range);
      }
    } else if (e.kind === 'insert') {
      const at = locate(tree, e.anchor.text);
      if (!at) {
        report(
          uri,
          unknownId(what),
          `找不到${what}“${e.anchor.text}”，无法在其${e.position === 'before' ? '前' : '后'}插入`,
          e.anchor.range,
        );
        continue;
      }
      const added = buildItems(uri, e.items, report);
      at.siblings.splice(e.position === 'before' ? at.index : at.index + 1, 0, ...added);
    } else {
      const id = e.name?.text;
      const at = id ? locate(tree, id) : undefined;
      if (!at) {
        report(
          uri,
          unknownId(what),
          `被替换的${what}“${id ?? e.label.value}”不存在；新增${what}请用 insert before/after`,
          e.name?.range ?? e.label.range,
        );
        continue;
      }
      at.siblings[at.index] = buildItem(uri, e, report);
    }
  }
  return tree;
}

function unknownId(what: '行' | '列'): string {
  return what === '行' ? 'dsl-unknown-row' : 'dsl-unknown-column';
}
