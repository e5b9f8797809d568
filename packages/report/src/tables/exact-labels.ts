/**
 * Exact label lookup straight from the source text: the labels whose folded
 * text equals `fold(text[start, end))`, without making the folded string.
 * Most text tokens of a table are one label written exactly; folding each
 * into a new string and hashing that string for a map lookup cost more than
 * the rest of matching it. Here each unit is folded as it is read, a numeric
 * hash is built on the way, and the few labels under that hash are compared
 * unit by unit. Built once per template (prepare.ts caches it).
 */
import { foldUnit } from '../fold.js';
import type { Label } from '../labels.js';

interface Entry {
  readonly key: string;
  readonly labels: readonly Label[];
  /** The caller must see this key as a string: the lookup answers null. */
  readonly slow: boolean;
}

const NONE: readonly Label[] = [];

export class ExactLabels {
  private readonly buckets = new Map<number, Entry[]>();
  /** The longest key: a span folding to more units is no label (most text in a table region). */
  private readonly longest: number;
  /** The folded units of the span being looked up (reused by every lookup). */
  private readonly units: Uint16Array;

  /**
   * `labels`: folded label → labels, as `byFolded`. Keys that `slow` says the
   * caller must see as strings (numbering only, say) are left out, and so
   * are never reported as found: the lookup then answers "ask the strings".
   */
  constructor(labels: ReadonlyMap<string, readonly Label[]>, slow: (key: string) => boolean) {
    let longest = 0;
    for (const key of labels.keys()) longest = Math.max(longest, key.length);
    this.longest = longest;
    this.units = new Uint16Array(longest);
    for (const [key, list] of labels) {
      const h = hashOf(key);
      const bucket = this.buckets.get(h);
      const entry: Entry = { key, labels: list, slow: slow(key) };
      if (bucket) bucket.push(entry);
      else this.buckets.set(h, [entry]);
    }
  }

  /**
   * The labels whose folded text is that of `text[start, end)`: an empty list
   * when there are none, null when the strings must decide (the span folds to
   * nothing, holds a unit that does not fold to one unit, or is a key `slow`
   * marked).
   */
  lookup(text: string, start: number, end: number): readonly Label[] | null {
    const units = this.units;
    let n = 0;
    let h = 0;
    for (let i = start; i < end; i++) {
      const v = foldUnit(text.charCodeAt(i));
      if (v < 0) {
        if (v === -1) continue; // deleted by folding
        return null; // several units or a surrogate: foldSlice knows
      }
      if (n === this.longest) return NONE;
      units[n++] = v;
      h = (Math.imul(h, 31) + v) & 0x3fffffff;
    }
    if (n === 0) return null;
    const bucket = this.buckets.get(h);
    if (bucket === undefined) return NONE;
    for (let b = 0; b < bucket.length; b++) {
      const e = bucket[b] as Entry;
      if (e.key.length === n && sameUnits(e.key, units, n)) {
        return e.slow ? null : e.labels;
      }
    }
    return NONE;
  }
}

function sameUnits(key: string, units: Uint16Array, n: number): boolean {
  for (let k = 0; k < n; k++) if (key.charCodeAt(k) !== units[k]) return false;
  return true;
}

/** A small integer (a Smi): a map keyed by larger numbers boxes them. */
function hashOf(key: string): number {
  let h = 0;
  for (let k = 0; k < key.length; k++) h = (Math.imul(h, 31) + key.charCodeAt(k)) & 0x3fffffff;
  return h;
}
