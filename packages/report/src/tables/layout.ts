/** Which layout a table was written in (model `layout`), judged from its rows. */
import { isSpace } from '@govlint/text';
import { type Lines, lineOf } from '../lines.js';
import type { Layout } from '../model.js';
import type { RowScan } from './scan.js';
import type { Token } from '../tokens.js';

export function layoutOf(text: string, lines: Lines, rows: readonly RowScan[]): Layout {
  if (rows.length === 0) return 'none';
  for (let i = 0; i < rows.length; i++) {
    const v = (rows[i] as RowScan).values;
    if (v && (v.segmented || v.ambiguous)) return 'flattened';
  }
  // Votes counted in a small array (in LAYOUTS order), not a map per table.
  const votes = [0, 0, 0, 0, 0, 0];
  const seen: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const k = rowLayout(text, lines, rows[i] as RowScan);
    if (k < 0) continue;
    if (votes[k] === 0) seen.push(k);
    votes[k] = (votes[k] as number) + 1;
  }
  // The first layout to reach the highest count wins, as when the votes were
  // a map iterated in insertion order.
  let best = -1;
  for (const k of seen) if (best < 0 || (votes[k] as number) > (votes[best] as number)) best = k;
  return best < 0 ? 'none' : (LAYOUTS[best] as Layout);
}

const LAYOUTS: readonly Layout[] = [
  'markdown',
  'pipe-rows',
  'tab-rows',
  'flattened',
  'pipe-cells',
  'cell-per-line',
];
const MARKDOWN = 0;
const PIPE_ROWS = 1;
const TAB_ROWS = 2;
const FLATTENED = 3;
const PIPE_CELLS = 4;
const CELL_PER_LINE = 5;

/** The row's layout as an index in LAYOUTS, or -1 when it has no value. */
function rowLayout(text: string, lines: Lines, r: RowScan): number {
  let first: Token | undefined;
  let last: Token | undefined;
  const slots = r.slots;
  for (let i = 0; i < slots.length; i++) {
    const t = slots[i] as Token;
    if (t.kind === 'empty') continue;
    first ??= t;
    last = t;
  }
  if (!first || !last) return -1;
  // An unlabelled row (table 四) is judged by its values alone.
  const from = r.decl.label === '' ? first.start : r.hit.start;
  const n = lineOf(lines, from);
  const start = lines.starts[n] as number;
  const end = lines.ends[n] as number;
  // The line's first 4000 units, looked at in place (no copy per row), once for both marks.
  const limit = Math.min(end, start + 4000);
  let pipe = false;
  let tab = false;
  for (let i = start; i < limit && !pipe; i++) {
    const c = text.charCodeAt(i);
    if (c === 124) pipe = true;
    else if (c === 9) tab = true;
  }
  if (last.start < end) {
    let s = start;
    while (s < limit && isSpace(text.charCodeAt(s))) s++;
    if (text.charCodeAt(s) === 124 && s < limit) return MARKDOWN;
    if (pipe) return PIPE_ROWS;
    // No pipe: the loop looked at the whole line, so `tab` is known.
    return tab ? TAB_ROWS : FLATTENED;
  }
  return pipe ? PIPE_CELLS : CELL_PER_LINE;
}
