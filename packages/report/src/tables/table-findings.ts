/** Findings about a table read: relaxed labels, a garbled header, missing rows. */
import type { TableDecl } from '@govlint/dsl';
import type { Range } from '@govlint/text';
import { extend } from '../findings.js';
import { fold } from '../fold.js';
import { columnCount, matchedColumnCount } from './header.js';
import { tableData, tableName } from './names.js';
import type { PreparedTable } from './prepare.js';
import type { ReadContext } from './read.js';
import type { Region } from './regions.js';
import type { RowScan, TableScan } from './scan.js';

export function labelVariant(
  ctx: ReadContext,
  table: TableDecl,
  at: Range,
  found: string,
  expected: string,
  how: string,
): void {
  const dropped = isSubsequence(fold(found), fold(expected));
  const severity = dropped ? 'info' : 'warning';
  ctx.findings.add(
    'label-variant',
    at,
    `${tableName(table)}中的“${found.trim()}”与格式规定的“${expected}”不一致${dropped ? '（缺字或断行）' : '（用词不同）'}`,
    extend(tableData(table), { found: found.trim(), expected, how }),
    severity,
  );
}

/** Every character of `short` appears in `long`, in order (characters were only dropped). */
function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (const c of long) if (i < short.length && short[i] === c) i++;
  return i === short.length;
}

export function headerGarbled(
  ctx: ReadContext,
  table: PreparedTable,
  region: Region,
  scan: TableScan,
  present: readonly RowScan[],
  garbled: boolean,
): void {
  if (!garbled || present.length === 0) return;
  const zone = scan.unmatchedHeader.map((u) => u.token);
  const firstRow = present.reduce(
    (m, r) => Math.min(m, r.hit.start, r.slots[0]?.start ?? Infinity),
    Infinity,
  );
  const start = zone[0]?.start ?? region.start;
  const end =
    zone.length > 0 ? zone.reduce((e, t) => Math.max(e, t.end), start) : Math.max(start, firstRow);
  ctx.findings.add(
    'table-header-garbled',
    { start, end },
    `${tableName(table.decl)}“${table.decl.title}”的表头文字无法识别，已按数值个数读取`,
    extend(tableData(table.decl), {
      matched: matchedColumnCount(scan, []),
      expected: columnCount(table.decl),
    }),
  );
}

export function rowsMissing(
  ctx: ReadContext,
  table: PreparedTable,
  rows: readonly RowScan[],
  present: readonly RowScan[],
  region: Region,
): string[] {
  // Most tables have every row: that is known without a list of the rows.
  if (present.length === table.rows.length && inOrder(present)) return [];
  const have = new Set(present.map((r) => r.index));
  const missing = table.rows.map((r, i) => ({ r, i })).filter(({ i }) => !have.has(i));
  if (missing.length === 0) return [];
  const first = missing[0] as { i: number };
  // Point at the first missing row's label if a fragment of it was found, else where it should be.
  const fragment = rows.find((r) => r.index === first.i);
  const before = present.filter((r) => r.index < first.i).at(-1);
  const at = fragment
    ? { start: fragment.hit.start, end: fragment.hit.end }
    : before
      ? { start: lastEnd(before), end: lastEnd(before) }
      : { start: region.start, end: region.start };
  const ids = missing.map(({ r }) => r.decl.id);
  const labels = missing.map(({ r }) => r.decl.label || r.decl.id);
  ctx.findings.add(
    'table-rows-missing',
    at,
    `${tableName(table.decl)}“${table.decl.title}”缺少 ${ids.length} 行：${ids.join('、')}`,
    extend(tableData(table.decl), {
      rows: ids,
      rowLabels: labels,
      count: ids.length,
    }),
  );
  return ids;
}

/** Row i is the template's row i, for every row (a loop: it runs for every table). */
function inOrder(present: readonly RowScan[]): boolean {
  for (let i = 0; i < present.length; i++) if ((present[i] as RowScan).index !== i) return false;
  return true;
}

function lastEnd(row: RowScan): number {
  const last = row.slots.filter((t) => t.kind !== 'empty').at(-1);
  return last ? last.end : row.hit.end;
}
