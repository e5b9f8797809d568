/** Which layout a table was written in (model `layout`), judged from its rows. */
import { type Lines, lineOf } from '../lines.js';
import type { Layout } from '../model.js';
import type { RowValues } from './cells.js';
import type { RowScan } from './scan.js';

export function layoutOf(
  text: string,
  lines: Lines,
  rows: readonly RowScan[],
  values: ReadonlyMap<RowScan, RowValues>,
): Layout {
  if (rows.length === 0) return 'none';
  if (rows.some((r) => values.get(r)?.segmented || values.get(r)?.ambiguous)) return 'flattened';
  const votes = new Map<Layout, number>();
  for (const r of rows) {
    const layout = rowLayout(text, lines, r);
    if (layout) votes.set(layout, (votes.get(layout) ?? 0) + 1);
  }
  let best: Layout = 'none';
  for (const [layout, n] of votes) if (n > (votes.get(best) ?? 0)) best = layout;
  return best;
}

function rowLayout(text: string, lines: Lines, r: RowScan): Layout | null {
  const values = r.slots.filter((t) => t.kind !== 'empty');
  const first = values[0];
  const last = values.at(-1);
  if (!first || !last) return null;
  // An unlabelled row (table 四) is judged by its values alone.
  const from = r.decl.label === '' ? first.start : r.hit.start;
  const n = lineOf(lines, from);
  const start = lines.starts[n] as number;
  const end = lines.ends[n] as number;
  const line = text.slice(start, Math.min(end, start + 4000));
  if (last.start < end) {
    if (line.trimStart().startsWith('|')) return 'markdown';
    if (line.includes('|')) return 'pipe-rows';
    return line.includes('\t') ? 'tab-rows' : 'flattened';
  }
  return line.includes('|') ? 'pipe-cells' : 'cell-per-line';
}
