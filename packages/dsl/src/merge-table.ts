/**
 * Tables in a template: building one from its declaration (a single block,
 * or several `block`s), and `amend table`, which edits an inherited table in
 * place (title, anchors, blocks, and row or column edits).
 */
import type * as A from './ast.js';
import type { Report } from './diagnostics.js';
import {
  origin,
  type BlockModel,
  type TableModel,
  type TemplateModel,
  type TreeItem,
} from './model.js';
import { applyEdits, buildItems } from './tree-edit.js';

export function buildTable(uri: string, d: A.TableDecl, report: Report): TableModel {
  if (d.blocks.length > 0 && (d.rows || d.columns)) {
    report(
      uri,
      'dsl-table-shape',
      `表“${d.name.text}”：分块（block）的表，行和列应写在各个 block 内`,
      d.name.range,
    );
  }
  if (!d.title) report(uri, 'dsl-missing-property', `表“${d.name.text}”缺少标题`, d.name.range);
  const blocks: BlockModel[] =
    d.blocks.length > 0
      ? d.blocks.map((b) => buildBlock(uri, b, report))
      : [
          {
            id: d.name.text,
            anchors: [],
            columnKind: d.columns?.kind,
            columns: buildItems(uri, d.columns?.items ?? [], report),
            rows: buildItems(uri, d.rows?.items ?? [], report),
            origin: origin(uri, d, d.name),
          },
        ];
  return {
    id: d.name.text,
    title: d.title?.value ?? '',
    ...(d.section ? { section: { id: d.section.text, range: d.section.range, uri } } : {}),
    anchors: (d.anchors ?? []).map((a) => a.value),
    blocks,
    origin: origin(uri, d, d.name),
  };
}

function buildBlock(uri: string, b: A.BlockDecl, report: Report): BlockModel {
  return {
    id: b.name.text,
    anchors: b.anchors.map((a) => a.value),
    columnKind: b.columns?.kind,
    columns: buildItems(uri, b.columns?.items ?? [], report),
    rows: buildItems(uri, b.rows?.items ?? [], report),
    origin: origin(uri, b, b.name),
  };
}

export function amendTable(t: TemplateModel, uri: string, d: A.TableDecl, report: Report): void {
  const i = t.tables.findIndex((x) => x.id === d.name.text);
  const base = t.tables[i];
  if (!base) {
    report(
      uri,
      'dsl-unknown-table',
      `没有可修改的表“${d.name.text}”（amend 只能修改已有的表）`,
      d.name.range,
    );
    return;
  }
  let blocks: BlockModel[] = [...base.blocks];
  for (const b of d.blocks) {
    const built = buildBlock(uri, b, report);
    const j = blocks.findIndex((x) => x.id === built.id);
    if (j >= 0) blocks[j] = built;
    else blocks.push(built);
  }
  if (d.rows || d.columns) {
    const [only] = blocks;
    if (blocks.length !== 1 || !only) {
      report(
        uri,
        'dsl-table-shape',
        `表“${d.name.text}”有多个 block：请在 block 内修改行和列`,
        d.name.range,
      );
    } else {
      const rows: TreeItem[] = d.rows
        ? applyEdits(uri, only.rows, d.rows.items, '行', report)
        : [...only.rows];
      const columns: TreeItem[] = d.columns
        ? applyEdits(uri, only.columns, d.columns.items, '列', report)
        : [...only.columns];
      blocks = [{ ...only, rows, columns, columnKind: d.columns?.kind ?? only.columnKind }];
    }
  }
  t.tables[i] = {
    ...base,
    title: d.title?.value ?? base.title,
    ...(d.section ? { section: { id: d.section.text, range: d.section.range, uri } } : {}),
    anchors: d.anchors ? d.anchors.map((a) => a.value) : base.anchors,
    blocks,
  };
}
