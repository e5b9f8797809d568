/**
 * Where a text check's pattern can match, known before the matcher runs.
 *
 * Most patterns begin with a literal (`("收到" | "受理") …`): their matches
 * can only begin where one of those literals occurs, and the literal index
 * (literal-index.ts) knows where that is. The matcher then runs anchored at
 * those positions only, after a cheap test of the pattern's other words at
 * their known distance (pattern-anchors.ts in the DSL; the starts are
 * worked out in anchored-starts.ts). A pattern that may
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
import type { Needles } from './literal-index.js';

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
