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
    // Only the hard identities (errors, equalities): a soft check (`t2-issued-vs-valid`,
    // a rare-value notice) may legitimately fail and must not choose the cut.
    if (rule.check.kind !== 'assert' || rule.severity !== 'error') continue;
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
  if (inst.when || inst.assert.op !== '=') return null;
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
const MAX_STEPS = 20_000;
const MAX_PART = 12;

/**
 * A total and its parts (`total = a + b + …`, positive coefficients): while
 * the parts are being cut, their sum can never exceed the total.
 */
interface Bound {
  readonly total: number;
  readonly parts: readonly { readonly coefficient: number; readonly column: number }[];
}

function boundOf(id: RowIdentity): Bound | null {
  if (id.op !== '=' || id.constant !== 0) return null;
  for (const [one, many] of [
    [id.left, id.right],
    [id.right, id.left],
  ] as const) {
    const single = one[0];
    if (
      one.length === 1 &&
      single &&
      single.coefficient === 1 &&
      many.every((t) => t.coefficient > 0)
    ) {
      return { total: single.column, parts: many };
    }
  }
  return null;
}

/**
 * Cut the digits of `tokens` into exactly `k` values (each token into one or
 * more), with no leading zeros, decimals only where `decimalAllowed(column)`,
 * keeping the cuts that satisfy every identity. Cuts are made from the right:
 * totals close their row, so each total is known before its parts, whose
 * running sum must stay within it.
 */
export function segmentRow(
  tokens: readonly Token[],
  k: number,
  identities: readonly RowIdentity[],
  decimalAllowed: (column: number) => boolean,
): Segmentation {
  const all = tokens.map((t) => t.digits).join(' ');
  const signed = tokens.some((t) => t.digits.startsWith('-'));
  const bounds = signed ? [] : identities.map(boundOf).filter((b): b is Bound => b !== null);
  // An identity is checked as soon as its leftmost cell is cut (cuts go right to left).
  const completeAt = new Map<number, RowIdentity[]>();
  for (const id of identities) {
    const first = Math.min(...id.left.map((t) => t.column), ...id.right.map((t) => t.column));
    completeAt.set(first, [...(completeAt.get(first) ?? []), id]);
  }
  /** Digits in the tokens before each token: what is left to cut on the left. */
  const before: number[] = [];
  tokens.reduce((n, t, i) => ((before[i] = n), n + t.digits.length), 0);
  const values = new Float64Array(k).fill(NaN);
  const cuts = new Int32Array(k * 2);
  const found: Part[][] = [];
  let steps = 0;

  const withinBounds = (): boolean => {
    for (const b of bounds) {
      const total = values[b.total] as number;
      if (Number.isNaN(total)) continue;
      let sum = 0;
      for (const t of b.parts) {
        const v = values[t.column] as number;
        if (!Number.isNaN(v)) sum += t.coefficient * v;
      }
      if (sum > total + 1e-9) return false;
    }
    return true;
  };
  const consistent = (col: number): boolean => {
    const complete = completeAt.get(col);
    if (complete && !complete.every((id) => holds(id, values as unknown as number[]))) return false;
    return withinBounds();
  };
  const record = (): void => {
    const parts: Part[] = [];
    for (let c = 0; c < k; c++) {
      const t = tokens[cuts[2 * c] as number] as Token;
      const from = cuts[2 * c + 1] as number;
      const to =
        c + 1 < k && cuts[2 * c + 2] === cuts[2 * c]
          ? (cuts[2 * c + 3] as number)
          : t.digits.length;
      parts.push(partOf(t, t.digits.slice(from, to), from, to));
    }
    found.push(parts);
  };
  // Token `ti`, its digits [0, end) still to cut, column `col` next (right to left).
  const walk = (ti: number, end: number, col: number): void => {
    if (found.length > 1 || steps > MAX_STEPS) return;
    steps++;
    if (ti < 0) {
      if (col === -1) record();
      return;
    }
    const d = (tokens[ti] as Token).digits;
    const decimal = decimalAllowed(col);
    const plain = !d.includes('.') && !d.startsWith('-');
    let value = 0;
    let scale = 1;
    for (let start = end - 1; start >= 0 && end - start <= MAX_PART; start--) {
      if (plain) {
        value += (d.charCodeAt(start) - 48) * scale;
        scale *= 10;
        if (start < end - 1 && d.charCodeAt(start) === 48) continue; // leading zero
      } else {
        const piece = d.slice(start, end);
        if (!validPiece(piece, decimal)) continue;
        if (start > 0 && (d[start - 1] === '.' || d[start] === '.' || d[start - 1] === '-'))
          continue;
        value = Number(piece);
      }
      // The columns still to fill must each get at least one digit, and every token one column.
      const digitsLeft = (before[ti] as number) + start;
      if (digitsLeft < col || (start > 0 ? ti + 1 : ti) > col) continue;
      if (col === 0 && digitsLeft > 0) continue;
      values[col] = value;
      cuts[2 * col] = ti;
      cuts[2 * col + 1] = start;
      if (consistent(col)) {
        if (start === 0) walk(ti - 1, tokens[ti - 1]?.digits.length ?? 0, col - 1);
        else walk(ti, start, col - 1);
      }
      values[col] = NaN;
    }
  };
  if (tokens.length > 0 && tokens.length <= k) {
    const last = tokens[tokens.length - 1] as Token;
    walk(tokens.length - 1, last.digits.length, k - 1);
  }
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
