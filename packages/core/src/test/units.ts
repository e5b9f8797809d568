/** Text units for property tests of the narrative checks. */
import type { Range } from '@govlint/text';

/** Units ending on whole characters, as the model's do: cuts of the text, in order. */
export function unitsOf(cs: readonly string[], cuts: readonly number[]): Range[] {
  const bounds = [...new Set([0, ...cuts.map((c) => Math.min(c, cs.length)), cs.length])]
    .sort((a, b) => a - b)
    .map((k) => cs.slice(0, k).join('').length);
  const units: Range[] = [];
  for (let i = 1; i < bounds.length; i++) units.push({ start: bounds[i - 1]!, end: bounds[i]! });
  return units;
}
