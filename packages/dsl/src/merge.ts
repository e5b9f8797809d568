/**
 * Files → templates. Each file's declarations belong to the template named
 * by the latest `template` line above them; a template that `extends`
 * another starts from a copy of it, and its own declarations replace the
 * parent's elements with the same id (`amend table` edits one in place,
 * `remove …` drops one).
 */
import type * as A from './ast.js';
import type { Report } from './diagnostics.js';
import { origin, type TemplateModel } from './model.js';
import { amendTable, buildTable } from './merge-table.js';

interface Owned {
  readonly uri: string;
  readonly decl: A.Declaration;
}

export function mergeTemplates(files: readonly A.RulesFile[], report: Report): TemplateModel[] {
  const bodies = new Map<string, { uri: string; decl: A.TemplateDecl }>();
  for (const f of files) {
    for (const d of f.declarations) {
      if (d.kind !== 'template' || !d.hasBody || !d.name.text) continue;
      if (bodies.has(d.name.text)) {
        report(f.uri, 'dsl-duplicate-id', `模板“${d.name.text}”已在别处声明`, d.name.range);
      } else bodies.set(d.name.text, { uri: f.uri, decl: d });
    }
  }
  const owned = assignDeclarations(files, bodies, report);
  const order = topologicalOrder(bodies, report);
  const built = new Map<string, TemplateModel>();
  for (const id of order) {
    const { uri, decl } = bodies.get(id)!;
    const parent = decl.extends ? built.get(decl.extends.text) : undefined;
    built.set(id, buildTemplate(id, uri, decl, parent, owned.get(id) ?? [], report));
  }
  return order.map((id) => built.get(id)!);
}

/**
 * The template each declaration belongs to: the latest `template` line above
 * it in its file or, in a file without one, the only template of the pack.
 */
export function declarationOwners(
  files: readonly A.RulesFile[],
  templates: ReadonlySet<string>,
): Map<A.Declaration, string | undefined> {
  const owners = new Map<A.Declaration, string | undefined>();
  const only = templates.size === 1 ? [...templates][0] : undefined;
  for (const f of files) {
    let current: string | undefined;
    for (const d of f.declarations) {
      if (d.kind === 'template') current = d.name.text;
      owners.set(d, current ?? only);
    }
  }
  return owners;
}

function assignDeclarations(
  files: readonly A.RulesFile[],
  bodies: ReadonlyMap<string, unknown>,
  report: Report,
): Map<string, Owned[]> {
  const owned = new Map<string, Owned[]>();
  const owners = declarationOwners(files, new Set(bodies.keys()));
  for (const f of files) {
    for (const d of f.declarations) {
      if (d.kind === 'template') {
        if (!d.hasBody && d.name.text && !bodies.has(d.name.text)) {
          report(
            f.uri,
            'dsl-unknown-template',
            `找不到模板“${d.name.text}”的声明（template ${d.name.text} { … }）`,
            d.name.range,
          );
        }
        continue;
      }
      const target = owners.get(d);
      if (!target) {
        report(
          f.uri,
          'dsl-no-template',
          '此声明不属于任何模板：请在文件开头写 template <模板名>',
          d.range,
        );
        continue;
      }
      owned.set(target, [...(owned.get(target) ?? []), { uri: f.uri, decl: d }]);
    }
  }
  return owned;
}

/** Parents before children; a template in an `extends` cycle, or with an unknown parent, is left out. */
function topologicalOrder(
  bodies: ReadonlyMap<string, { uri: string; decl: A.TemplateDecl }>,
  report: Report,
): string[] {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done' | 'bad'>();
  const visit = (id: string): boolean => {
    const s = state.get(id);
    if (s === 'done') return true;
    if (s === 'bad') return false;
    const entry = bodies.get(id)!;
    const parent = entry.decl.extends;
    if (s === 'visiting') {
      if (parent)
        report(entry.uri, 'dsl-extends-cycle', `模板“${id}”的 extends 形成循环`, parent.range);
      state.set(id, 'bad');
      return false;
    }
    state.set(id, 'visiting');
    let ok = true;
    if (parent) {
      if (!bodies.has(parent.text)) {
        report(
          entry.uri,
          'dsl-unknown-template',
          `找不到被继承的模板“${parent.text}”`,
          parent.range,
        );
        ok = false;
      } else ok = visit(parent.text);
    }
    if (state.get(id) === 'bad') ok = false;
    state.set(id, ok ? 'done' : 'bad');
    if (ok) order.push(id);
    return ok;
  };
  for (const id of bodies.keys()) visit(id);
  return order;
}

function buildTemplate(
  id: string,
  uri: string,
  decl: A.TemplateDecl,
  parent: TemplateModel | undefined,
  declarations: readonly Owned[],
  report: Report,
): TemplateModel {
  const t: TemplateModel = {
    id,
    origin: origin(uri, decl, decl.name),
    ...(decl.extends ? { parent: decl.extends.text } : {}),
    title: decl.title?.value ?? parent?.title ?? '',
    document: decl.document?.value ?? parent?.document ?? '',
    years: decl.years ? { from: decl.years.from, to: decl.years.to } : { ...(parent?.years ?? {}) },
    markers: decl.markers ? decl.markers.map((m) => m.value) : [...(parent?.markers ?? [])],
    sections: [...(parent?.sections ?? [])],
    tables: [...(parent?.tables ?? [])],
    rules: [...(parent?.rules ?? [])],
    lexicons: [...(parent?.lexicons ?? [])],
  };
  // Ids declared by this template itself: a second declaration is a mistake,
  // while redeclaring an inherited id replaces it.
  const ownIds = new Set<string>();
  const claim = (kind: string, o: Owned, name: A.Name): boolean => {
    const key = `${kind}:${name.text}`;
    if (!name.text) return false;
    if (ownIds.has(key)) {
      report(o.uri, 'dsl-duplicate-id', `${kindName[kind]}“${name.text}”重复声明`, name.range);
      return false;
    }
    ownIds.add(key);
    return true;
  };
  for (const o of declarations) {
    const d = o.decl;
    switch (d.kind) {
      case 'section':
        if (claim('section', o, d.name)) {
          upsert(t.sections, {
            id: d.name.text,
            heading: d.heading.value,
            variants: d.variants.map((v) => v.value),
            origin: origin(o.uri, d, d.name),
          });
        }
        break;
      case 'table':
        if (d.amend) amendTable(t, o.uri, d, report);
        else if (claim('table', o, d.name)) upsert(t.tables, buildTable(o.uri, d, report));
        break;
      case 'rule':
        if (claim('rule', o, d.name)) {
          upsert(t.rules, {
            id: d.name.text,
            decl: d,
            uri: o.uri,
            template: id,
            origin: origin(o.uri, d, d.name),
          });
        }
        break;
      case 'lexicon':
        if (claim('lexicon', o, d.name)) {
          upsert(t.lexicons, { id: d.name.text, decl: d, origin: origin(o.uri, d, d.name) });
        }
        break;
      case 'remove':
        for (const n of d.names) removeInherited(t, o.uri, d.target, n, report);
        break;
      case 'template':
        break;
    }
  }
  return t;
}

const kindName: Record<string, string> = {
  section: '部分',
  table: '表',
  rule: '规则',
  lexicon: '词表',
};

function upsert<T extends { readonly id: string }>(list: T[], item: T): void {
  const i = list.findIndex((x) => x.id === item.id);
  if (i >= 0) list[i] = item;
  else list.push(item);
}

function removeInherited(
  t: TemplateModel,
  uri: string,
  target: A.RemoveDecl['target'],
  name: A.Name,
  report: Report,
): void {
  const list: { id: string }[] =
    target === 'section'
      ? t.sections
      : target === 'table'
        ? t.tables
        : target === 'rule'
          ? t.rules
          : t.lexicons;
  const i = list.findIndex((x) => x.id === name.text);
  if (i < 0) {
    report(
      uri,
      `dsl-unknown-${target}`,
      `没有可删除的${kindName[target]}“${name.text}”`,
      name.range,
    );
    return;
  }
  list.splice(i, 1);
}
