/**
 * Which units (the sentences of a report) contain a literal, found by one
 * forward search through the text rather than a slice and a search per
 * unit: a check whose pattern needs that literal runs only on those units.
 */
import type { Range } from '@govlint/text';

/** The units whose text contains `needle`, in the order given. */
export function unitsContaining(text: string, units: readonly Range[], needle: string): Range[] {
  const out: Range[] = [];
  let from = Infinity;
  /** The first occurrence at or after `from` (-1: none). */
  let at = -1;
  for (const unit of units) {
    // The search from `from` still answers when no occurrence lies before this unit.
    if (from > unit.start || (at >= 0 && at < unit.start)) {
      from = unit.start;
      at = text.indexOf(needle, from);
    }
    if (at >= 0 && at + needle.length <= unit.end) out.push(unit);
  }
  return out;
}
