/**
 * The column header of a table: which column labels were found, columns
 * recognised by their place between two found ones (an unknown label
 * between the second and fourth columns is the third, in a different word:
 * a warning), and
 * whether the header is too garbled to be read at all.
 */
import type { TableDecl } from '@govlint/dsl';
import { type Label, columnKey } from '../labels.js';
import type { Token } from '../tokens.js';
import type { LabelHit, TableScan } from './scan.js';

export interface PositionalColumn {
  readonly token: Token;
  readonly label: Label;
}

export function positionalColumns(
  scan: TableScan,
  columnLabels: readonly Label[],
): PositionalColumn[] {
  // Most headers leave nothing unmatched: nothing to place then.
  if (scan.unmatchedHeader.length === 0) return [];
  const hits = scan.header.filter((h) => h.label.kind === 'column');
  // Keyed by number (columnKey), not by a string built for each label.
  const seen = new Set<number>();
  for (let i = 0; i < hits.length; i++) seen.add(columnKey((hits[i] as LabelHit).label));
  const out: PositionalColumn[] = [];
  for (const u of scan.unmatchedHeader) {
    const before = lastBefore(hits, u.index);
    const after = hits.find((h) => h.token > u.index);
    if (!before || !after || before.label.block !== after.label.block) continue;
    if (after.label.index - before.label.index !== 2) continue;
    const key = columnKey(before.label) + 1;
    if (seen.has(key)) continue;
    const label = columnLabels.find(
      (l) => !l.alias && l.block === before.label.block && l.index === before.label.index + 1,
    );
    if (!label || u.token.end - u.token.start > label.text.length * 2) continue;
    seen.add(key);
    out.push({ token: u.token, label });
  }
  return out;
}

function lastBefore(hits: readonly LabelHit[], index: number): LabelHit | undefined {
  let found: LabelHit | undefined;
  for (const h of hits) if (h.token < index) found = h;
  return found;
}

/** Distinct columns found in the header, over all blocks. */
export function matchedColumnCount(
  scan: TableScan,
  positional: readonly PositionalColumn[],
): number {
  // Keyed by number, not by a string built for each label.
  const keys = new Set<number>();
  for (const h of scan.header) if (h.label.kind === 'column') keys.add(columnKey(h.label));
  for (const p of positional) keys.add(columnKey(p.label));
  return keys.size;
}

export function columnCount(decl: TableDecl): number {
  return decl.blocks.reduce((n, b) => n + b.columns.length, 0);
}
