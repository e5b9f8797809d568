/**
 * Where an anchored pattern's matches can begin in one report
 * (prefilter.ts says which literals anchor it): the occurrences of its first
 * literals, kept where each of its confirmers holds, found from the literal
 * index's lists without searching the text.
 */
import type { LiteralIndex } from './literal-index.js';
import type { AnchorPlan } from './prefilter.js';

const NONE: readonly number[] = [];

/** Whether one of a pattern's first literals occurs at all (most do not, in most reports). */
export function mayStart(plan: AnchorPlan, literals: LiteralIndex): boolean {
  for (let i = 0; i < plan.first.length; i++) if (literals.hits[plan.first[i]!]) return true;
  return false;
}

/** The cursors of anchoredStarts: one per first literal and per confirmer literal of a plan. */
let cursors = new Int32Array(64);

/**
 * The positions of the folded text where a match of an anchored pattern can
 * begin, ascending: where one of its first literals occurs and each of its
 * confirmers holds. The first literals' lists are merged as they are read,
 * and each confirmer literal's list is walked along with them (the starts
 * only go up): no search, nothing built but the answer.
 */
export function anchoredStarts(
  plan: AnchorPlan,
  literals: LiteralIndex,
  folded: string,
): readonly number[] {
  const { hits } = literals;
  const { first, confirm } = plan;
  // A confirmer whose words occur nowhere rules every start out.
  for (let c = 0; c < confirm.length; c++) {
    if (!confirm[c]!.digit && !someHit(confirm[c]!.ids, hits)) return NONE;
  }
  if (confirm.length === 0 && first.length === 1) return hits[first[0]!] ?? NONE;
  // A confirmer much rarer than the first literals (公开 … 行政许可) leads instead.
  const firstCount = count(first, hits);
  for (let c = 0; c < confirm.length; c++) {
    if (!confirm[c]!.digit && 4 * count(confirm[c]!.ids, hits) < firstCount) {
      return ledBy(plan, confirm[c]!, hits, folded);
    }
  }
  if (cursors.length < plan.cursors) cursors = new Int32Array(2 * plan.cursors);
  cursors.fill(0, 0, plan.cursors);
  let out: number[] | undefined;
  for (;;) {
    // The smallest position at the head of a first literal's list, each list moved past it.
    let p = NO_MORE;
    for (let f = 0; f < first.length; f++) {
      const list = hits[first[f]!];
      if (list && cursors[f]! < list.length && list[cursors[f]!]! < p) p = list[cursors[f]!]!;
    }
    if (p === NO_MORE) break;
    for (let f = 0; f < first.length; f++) {
      const list = hits[first[f]!];
      if (list && cursors[f]! < list.length && list[cursors[f]!] === p) cursors[f]!++;
    }
    if (confirmed(confirm, hits, folded, p)) (out ??= []).push(p);
  }
  return out ?? NONE;
}

const NO_MORE = 0x7fffffff;

/**
 * The starts, found from each occurrence q of a confirmer's words: the first
 * literals' occurrences in [q - max, q - min] that every confirmer holds at.
 */
function ledBy(
  plan: AnchorPlan,
  lead: AnchorPlan['confirm'][number],
  hits: LiteralIndex['hits'],
  folded: string,
): readonly number[] {
  const out: number[] = [];
  for (let w = 0; w < lead.ids.length; w++) {
    const occurrences = hits[lead.ids[w]!];
    if (!occurrences) continue;
    for (let j = 0; j < occurrences.length; j++) {
      const q = occurrences[j]!;
      for (let f = 0; f < plan.first.length; f++) {
        const list = hits[plan.first[f]!];
        if (!list) continue;
        for (let i = firstAtOrAfter(list, q - lead.max); i < list.length; i++) {
          const p = list[i]!;
          if (p > q - lead.min) break;
          if (confirmedAt(plan.confirm, hits, folded, p)) out.push(p);
        }
      }
    }
  }
  out.sort((a, b) => a - b);
  let kept = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[i - 1]) out[kept++] = out[i]!;
  out.length = kept;
  return out;
}

/** How many times the needles of `ids` occur. */
function count(ids: Int32Array, hits: LiteralIndex['hits']): number {
  let n = 0;
  for (let i = 0; i < ids.length; i++) n += hits[ids[i]!]?.length ?? 0;
  return n;
}

/** Whether each confirmer holds for a match beginning at p, by binary search (any p). */
function confirmedAt(
  confirm: AnchorPlan['confirm'],
  hits: LiteralIndex['hits'],
  folded: string,
  p: number,
): boolean {
  for (let c = 0; c < confirm.length; c++) {
    const { digit, ids, min, max } = confirm[c]!;
    let any = digit && digitIn(folded, p + min, p + max);
    for (let w = 0; w < ids.length && !any; w++) {
      const list = hits[ids[w]!];
      if (!list) continue;
      const i = firstAtOrAfter(list, p + min);
      any = i < list.length && list[i]! <= p + max;
    }
    if (!any) return false;
  }
  return true;
}

/** Whether a needle of `ids` occurs. */
function someHit(ids: Int32Array, hits: LiteralIndex['hits']): boolean {
  for (let i = 0; i < ids.length; i++) if (hits[ids[i]!]) return true;
  return false;
}

/** Whether each confirmer holds for a match beginning at p (p above every earlier call's). */
function confirmed(
  confirm: AnchorPlan['confirm'],
  hits: LiteralIndex['hits'],
  folded: string,
  p: number,
): boolean {
  for (let c = 0; c < confirm.length; c++) {
    const { digit, ids, min, max, cursor } = confirm[c]!;
    if (digit) {
      if (!digitIn(folded, p + min, p + max)) return false;
      continue;
    }
    let any = false;
    for (let w = 0; w < ids.length && !any; w++) {
      const list = hits[ids[w]!];
      if (!list) continue;
      let k = cursors[cursor + w]!;
      while (k < list.length && list[k]! < p + min) k++;
      cursors[cursor + w] = k;
      any = k < list.length && list[k]! <= p + max;
    }
    if (!any) return false;
  }
  return true;
}

function digitIn(folded: string, from: number, to: number): boolean {
  for (let q = from, end = Math.min(to, folded.length - 1); q <= end; q++) {
    const c = folded.charCodeAt(q);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/** The index of the first value ≥ `value` in an ascending list (its length if none). */
export function firstAtOrAfter(sorted: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
