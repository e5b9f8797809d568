/** Which layout a table was written in (model `layout`), judged from its rows. */
import { type Lines, lineOf } from '../lines.js';
import type { Layout } from '../model.js';
import type { RowValues } from './cells.js';
import type { RowScan } from './scan.js';
import type { Token } from '../tokens.js';

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
  let first: Token | undefined;
  let last: Token | undefined;
  for (const t of r.slots) {
    if (t.kind === 'empty') continue;
    first ??= t;
    last = t;
  }
  if (!first || !last) return null;
  // An unlabelled row (table 四) is judged by its values alone.
  const from = r.decl.label === '' ? first.start : r.hit.start;
  const n = lineOf(lines, from);
  const start = lines.starts[n] as number;
  const end = lines.ends[n] as number;
  // The line's first 4000 units, looked at in place (no copy per row).
  const limit = Math.min(end, start + 4000);
  const pipe = has(text, start, limit, 124 /* | */);
  if (last.start < end) {
    let s = start;
    while (s < limit && WHITESPACE.test(text[s] as string)) s++;
    if (text.charCodeAt(s) === 124 && s < limit) return 'markdown';
    if (pipe) return 'pipe-rows';
    return has(text, start, limit, 9) ? 'tab-rows' : 'flattened';
  }
  return pipe ? 'pipe-cells' : 'cell-per-line';
}

/** What `String.prototype.trimStart` removes. */
const WHITESPACE = /^\s$/u;

function has(text: string, start: number, end: number, code: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === code) return true;
  return false;
}
