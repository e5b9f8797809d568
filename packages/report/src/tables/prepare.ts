/**
 * What the reader derives from a template once, and reuses for every report
 * read with it: label indexes, row order, row-local identities.
 */
import type { BlockDecl, CompiledTemplate, TableDecl } from '@govlint/dsl';
import { type Label, type TableLabels, tableLabels } from '../labels.js';
import { isBareNumbering } from '../numbering.js';
import { ExactLabels } from './exact-labels.js';
import type { RowRef } from './scan.js';
import { columnName, tableData } from './names.js';
import { type RowIdentity, rowIdentities } from './segment.js';

export interface PreparedTable {
  readonly decl: TableDecl;
  readonly labels: TableLabels;
  /** `labels.byFolded`, looked up from the source text (numbering-only keys left to the strings). */
  readonly exact: ExactLabels;
  readonly rows: readonly RowRef[];
  readonly identities: ReadonlyMap<string, readonly RowIdentity[]>;
  /** Folded anchors (table and block), to find the table without its section. */
  readonly anchors: readonly string[];
  /** The longest run of ideographs of each anchor, to look for in the raw text. */
  readonly anchorRuns: readonly string[];
  /** Column ids, per block: the model's cells name their column by it. */
  readonly columnIds: readonly (readonly string[])[];
  /** Column names for findings, per block. */
  readonly columnNames: readonly (readonly string[])[];
  /** The column labels (aliases included), for the header checks. */
  readonly columnLabels: readonly Label[];
  /** `表三` etc. and the title, for findings. */
  readonly data: ReturnType<typeof tableData>;
}

const cache = new WeakMap<CompiledTemplate, readonly PreparedTable[]>();

export function prepareTables(template: CompiledTemplate): readonly PreparedTable[] {
  let prepared = cache.get(template);
  if (!prepared) {
    prepared = template.tables.map((decl) => prepareTable(template, decl));
    cache.set(template, prepared);
  }
  return prepared;
}

function prepareTable(template: CompiledTemplate, decl: TableDecl): PreparedTable {
  const labels = tableLabels(decl);
  const rows: RowRef[] = decl.blocks.flatMap((b, block) => b.rows.map((r) => ({ decl: r, block })));
  const blockOfRow = new Map<string, BlockDecl>();
  decl.blocks.forEach((b) => b.rows.forEach((r) => blockOfRow.set(r.id, b)));
  const identities = rowIdentities(template, decl.id, (row) =>
    blockOfRow.get(row)?.columns.map((c) => c.id),
  );
  const anchors = labels.anchors.map((l) => l.folded);
  const anchorRuns = anchors.map((a) =>
    a.split(/[^\p{Script=Han}]+/u).reduce((x, y) => (y.length > x.length ? y : x), ''),
  );
  const columnNames = decl.blocks.map((b) => b.columns.map((c) => columnName(b, c)));
  return {
    decl,
    labels,
    exact: new ExactLabels(labels.byFolded, isBareNumbering),
    rows,
    identities,
    anchors,
    anchorRuns,
    columnIds: decl.blocks.map((b) => b.columns.map((c) => c.id)),
    columnNames,
    columnLabels: labels.labels.filter((l) => l.kind === 'column'),
    data: tableData(decl),
  };
}
