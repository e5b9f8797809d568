/**
 * Flattened text loses the separators between cells, so a row's digits run
 * together (`713000074` for 71, 3, 0, 0, 0, 0, 74). The template's own
 * identities on that row (its total is the sum of the other columns, read
 * from the pack's assertion instances) decide where the cuts go. Values are
 * recovered only when exactly one cut satisfies them all; never invented.
 */
import type { AssertionInstance, CompiledTemplate, LinearExpr } from '@govlint/dsl';
import type { Token } from '../tokens.js';

/** An identity whose cells all lie in one row: terms refer to column positions. */
export interface RowIdentity {
  readonly op: string;
  readonly left: readonly { readonly coefficient: number; readonly column: number }[];
  readonly right: readonly { readonly coefficient: number; readonly column: number }[];
  readonly constant: number;
  readonly tolerance: number;
}

/** The row-local identities of every row of a table, by row id. */
export function rowIdentities(
  template: CompiledTemplate,
  table: string,
  columnsOfRow: (row: string) => readonly string[] | undefined,
): Map<string, RowIdentity[]> {
  const out = new Map<string, RowIdentity[]>();
  for (const rule of template.rules) {
    if (rule.check.kind !== 'assert') continue;
    for (const inst of rule.check.instances) {
      const identity = localIdentity(inst, table, columnsOfRow, rule.check.tolerance);
      if (!identity) continue;
      const list = out.get(identity.row) ?? [];
      list.push(identity.identity);
      out.set(identity.row, list);
    }
  }
  return out;
}

function localIdentity(
  inst: AssertionInstance,
  table: string,
  columnsOfRow: (row: string) => readonly string[] | undefined,
  tolerance: number,
): { row: string; identity: RowIdentity } | null {
  if (inst.when) return null;
  const terms = [...inst.assert.left.terms, ...inst.assert.right.terms];
  const first = terms[0]?.cell;
  if (!first || first.table !== table) return null;
  if (!terms.every((t) => t.cell.table === table && t.cell.row === first.row)) return null;
  const columns = columnsOfRow(first.row);
  if (!columns) return null;
  const side = (e: LinearExpr) =>
    e.terms.map((t) => ({ coefficient: t.coefficient, column: columns.indexOf(t.cell.column) }));
  const left = side(inst.assert.left);
  const right = side(inst.assert.right);
  if ([...left, ...right].some((t) => t.column < 0)) return null;
  return {
    row: first.row,
    identity: {
      op: inst.assert.op,
      left,
      right,
      constant: inst.assert.right.constant - inst.assert.left.constant,
      tolerance,
    },
  };
}

function holds(id: RowIdentity, values: readonly number[]): boolean {
  let l = 0;
  let r = id.constant;
  for (const t of id.left) l += t.coefficient * (values[t.column] as number);
  for (const t of id.right) r += t.coefficient * (values[t.column] as number);
  const d = l - r;
  const tol = id.tolerance + 1e-9;
  switch (id.op) {
    case '=':
      return Math.abs(d) <= tol;
    case '≠':
      return Math.abs(d) > tol;
    case '<':
      return d < -tol;
    case '≤':
      return d <= tol;
    case '>':
      return d > tol;
    case '≥':
      return d >= -tol;
    default:
      return true;
  }
}

export interface Part {
  readonly digits: string;
  readonly start: number;
  readonly end: number;
}

export type Segmentation =
  | { readonly kind: 'unique'; readonly parts: readonly Part[] }
  | { readonly kind: 'ambiguous'; readonly candidates: number; readonly digits: string };

/** Enough for any real row; beyond it the row is reported as ambiguous. */
const MAX_STEPS = 50_000;
const MAX_PART = 12;

/**
 * Cut the digits of `tokens` into exactly `k` values (each token into one or
 * more), with no leading zeros, decimals only where `decimalAllowed(column)`,
 * keeping the cuts that satisfy every identity.
 */
export function segmentRow(
  tokens: readonly Token[],
  k: number,
  identities: readonly RowIdentity[],
  decimalAllowed: (column: number) => boolean,
): Segmentation {
  const all = tokens.map((t) => t.digits).join(' ');
  const found: Part[][] = [];
  let steps = 0;
  const parts: Part[] = [];
  const values: number[] = [];
  // Walk token by token, position by position.
  const walk = (ti: number, pos: number): void => {
    if (found.length > 1 || steps > MAX_STEPS) return;
    steps++;
    const t = tokens[ti];
    if (!t) {
      if (parts.length === k && identities.every((id) => holds(id, values))) found.push([...parts]);
      return;
    }
    const d = t.digits;
    const remainingTokens = tokens.length - ti - 1;
    for (let end = pos + 1; end <= d.length && end - pos <= MAX_PART; end++) {
      const piece = d.slice(pos, end);
      if (!validPiece(piece, decimalAllowed(parts.length))) continue;
      if (end < d.length && (d[end] === '.' || d[end - 1] === '-')) continue;
      const left = k - parts.length - 1;
      const atTokenEnd = end === d.length;
      if (left < remainingTokens + (atTokenEnd ? 0 : 1)) continue;
      parts.push(partOf(t, piece, pos, end));
      values.push(Number(piece));
      if (atTokenEnd) walk(ti + 1, 0);
      else walk(ti, end);
      parts.pop();
      values.pop();
    }
  };
  if (tokens.length > 0 && tokens.length <= k) walk(0, 0);
  if (found.length === 1 && steps <= MAX_STEPS)
    return { kind: 'unique', parts: found[0] as Part[] };
  return { kind: 'ambiguous', candidates: steps > MAX_STEPS ? -1 : found.length, digits: all };
}

function validPiece(piece: string, decimal: boolean): boolean {
  if (piece === '-' || piece.endsWith('.') || piece.startsWith('.')) return false;
  if (piece.includes('.') && !decimal) return false;
  const unsigned = piece.startsWith('-') ? piece.slice(1) : piece;
  if (unsigned.length > 1 && unsigned[0] === '0' && unsigned[1] !== '.') return false;
  return unsigned.length > 0;
}

function partOf(t: Token, digits: string, from: number, to: number): Part {
  // Digits map one to one onto the source unless separators were removed.
  if (t.end - t.start === t.digits.length)
    return { digits, start: t.start + from, end: t.start + to };
  return { digits, start: t.start, end: t.end };
}
