/**
 * Where a text check's pattern can match, known before the matcher runs.
 *
 * Most patterns begin with a literal (`("收到" | "受理") …`): their matches
 * can only begin where one of those literals occurs, and the literal index
 * (literal-index.ts) knows where that is. The matcher then runs anchored at
 * those positions only, after a cheap test of the pattern's other words at
 * their known distance (pattern-anchors.ts in the DSL). A pattern that may
 * begin anywhere (a gap, a number) is scanned for instead, in the units that
 * hold its literals (unit-literals.ts): literalClauses says which.
 */
import {
  type LexiconEntry,
  type PatternAnchors,
  type PatternNode,
  patternAnchors,
  type TextPattern,
} from '@govlint/dsl';
import { foldLabel } from '@govlint/text';
import type { LiteralIndex, Needles } from './literal-index.js';

type Lexicons = Readonly<Record<string, readonly LexiconEntry[]>>;

const anchorsByPattern = new WeakMap<TextPattern, WeakMap<Lexicons, PatternAnchors | null>>();

/** A pattern's anchors (pattern-anchors.ts), worked out once per template; null: scan for it. */
export function anchorsOf(pattern: TextPattern, lexicons: Lexicons): PatternAnchors | null {
  let byLexicons = anchorsByPattern.get(pattern);
  if (!byLexicons) anchorsByPattern.set(pattern, (byLexicons = new WeakMap()));
  let anchors = byLexicons.get(lexicons);
  if (anchors === undefined)
    byLexicons.set(lexicons, (anchors = patternAnchors(pattern.node, lexicons)));
  return anchors;
}

/** The literals the index must find for a pattern: its anchors', or its clauses' if it is scanned for. */
export function patternNeedles(pattern: TextPattern, lexicons: Lexicons): string[] {
  const anchors = anchorsOf(pattern, lexicons);
  if (!anchors) return literalClauses(pattern.node, lexicons).flat();
  return [...anchors.first, ...anchors.confirm.flatMap((c) => c.literals)];
}

/**
 * An anchored pattern's literals as the ids of the literal index's needles,
 * so that finding its starts looks up no string. Null for a pattern that is
 * scanned for, or one whose literals the index was not built with.
 */
export interface AnchorPlan {
  readonly first: Int32Array;
  readonly confirm: readonly {
    readonly ids: Int32Array;
    readonly digit: boolean;
    readonly min: number;
    readonly max: number;
    /** Where its ids' cursors start in the scratch of anchoredStarts, after the first literals'. */
    readonly cursor: number;
  }[];
  /** How many cursors anchoredStarts walks the lists with. */
  readonly cursors: number;
}

const plans = new WeakMap<
  Needles,
  WeakMap<readonly TextPattern[], { lexicons: Lexicons; plans: (AnchorPlan | null)[] }>
>();

/** The plans of a check's patterns (or of its `unless`), worked out once per index's needles. */
export function anchorPlans(
  patterns: readonly TextPattern[],
  lexicons: Lexicons,
  needles: Needles,
): readonly (AnchorPlan | null)[] {
  let byPatterns = plans.get(needles);
  if (!byPatterns) plans.set(needles, (byPatterns = new WeakMap()));
  let entry = byPatterns.get(patterns);
  if (!entry || entry.lexicons !== lexicons) {
    entry = { lexicons, plans: patterns.map((p) => planOf(anchorsOf(p, lexicons), needles)) };
    byPatterns.set(patterns, entry);
  }
  return entry.plans;
}

function planOf(anchors: PatternAnchors | null, needles: Needles): AnchorPlan | null {
  if (!anchors) return null;
  const ids = (literals: readonly string[]): Int32Array | null => {
    const out = literals.map((l) => needles.ids.get(l) ?? -1);
    return out.includes(-1) ? null : Int32Array.from(out);
  };
  const first = ids(anchors.first);
  if (!first) return null;
  let cursor = first.length;
  const confirm: AnchorPlan['confirm'][number][] = [];
  for (const { literals, digit, min, max } of anchors.confirm) {
    const confirmIds = ids(literals);
    if (!confirmIds) return null;
    confirm.push({ ids: confirmIds, digit, min, max, cursor });
    cursor += confirmIds.length;
  }
  return { first, confirm, cursors: cursor };
}

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

/**
 * What every match must contain, as clauses: each clause is a list of folded
 * literals one of which occurs in the match, and every clause holds. An
 * empty list says nothing (a pattern of gaps and optional parts).
 * `("办理" | "答复") ("政府信息公开" | "依申请公开") number n "件"` gives four
 * clauses, so a sentence without 件 or without a digit is never matched.
 */
export function literalClauses(node: PatternNode, lexicons: Lexicons): string[][] {
  switch (node.kind) {
    case 'literal': {
      const folded = foldLabel(node.text);
      return folded ? [[folded]] : [];
    }
    case 'lexicon': {
      const entries = (lexicons[node.name] ?? []).map((e) => foldLabel(e.text));
      return entries.length > 0 && entries.every((e) => e) ? [entries] : [];
    }
    case 'number':
      return [DIGITS];
    case 'seq':
      return node.items.flatMap((item) => literalClauses(item, lexicons));
    case 'alt': {
      // One clause: each option's most selective clause, joined.
      const joined: string[] = [];
      for (const option of node.options) {
        const best = mostSelective(literalClauses(option, lexicons));
        if (!best) return [];
        joined.push(...best);
      }
      return [joined];
    }
    case 'optional':
    case 'gap':
      return [];
  }
}

const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** The clause whose shortest literal is longest (rare words beat single characters). */
function mostSelective(clauses: readonly string[][]): string[] | undefined {
  let best: string[] | undefined;
  for (const c of clauses) if (!best || selectivity(c) > selectivity(best)) best = c;
  return best;
}

/** Longer literals are rarer; a clause of many literals (the digits) is weak. */
export function selectivity(clause: readonly string[]): number {
  return Math.min(...clause.map((s) => s.length)) - clause.length / 100;
}
