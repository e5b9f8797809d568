/**
 * Message templates: a pack writes `{name}` placeholders (docs/dsl.md) and
 * the engine fills them with values. A template that names a value the
 * engine does not have is not rendered half-way: the caller falls back.
 */

/** Values for placeholders; numbers are formatted with `formatNumber`. */
export type MessageValues = Readonly<Record<string, string | number | undefined>>;

const PLACEHOLDER = /\{([\p{L}\p{N}_.-]+)\}/gu;

/**
 * Fill `{name}` placeholders. Returns null when a placeholder has no value,
 * so that the caller can use a fallback message instead of showing braces.
 */
export function renderMessage(template: string, values: MessageValues): string | null {
  const parts = partsOf(template);
  let text = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const v = values[parts[i]!];
    if (v === undefined) return null;
    text += (typeof v === 'number' ? formatNumber(v) : v) + parts[i + 1]!;
  }
  return text;
}

const templates = new Map<string, readonly string[]>();

/** A template split once into text and placeholder names, alternately: `a{x}b` → ['a', 'x', 'b']. */
function partsOf(template: string): readonly string[] {
  let parts = templates.get(template);
  if (!parts) {
    parts = template.split(PLACEHOLDER);
    // Templates come from the packs, a few hundred at most; never let the cache grow without end.
    if (templates.size > 2000) templates.clear();
    templates.set(template, parts);
  }
  return parts;
}

/**
 * Numbers as a report writes them: integers plainly, decimals without the
 * binary noise of float sums (58.94 + 0.01 is 58.95, not 58.949999…).
 */
export function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  const rounded = Math.round(n * 1e6) / 1e6;
  return String(rounded);
}

/** `2+0+0`, `12-3`, `2×5+1`: a linear combination with its values, as arithmetic. */
export function formatTerms(
  terms: readonly { readonly coefficient: number; readonly value: number }[],
  constant = 0,
): string {
  let out = '';
  for (const { coefficient, value } of terms) {
    const negative = coefficient < 0;
    const magnitude = Math.abs(coefficient);
    const factor = magnitude === 1 ? '' : `${formatNumber(magnitude)}×`;
    const piece = factor + formatNumber(value);
    if (out === '') out = negative ? `-${piece}` : piece;
    else out += (negative ? '-' : '+') + piece;
  }
  if (constant !== 0 || out === '') {
    const c = formatNumber(Math.abs(constant));
    if (out === '') out = constant < 0 ? `-${c}` : c;
    else out += (constant < 0 ? '-' : '+') + c;
  }
  return out;
}
