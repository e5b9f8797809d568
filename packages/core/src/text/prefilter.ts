/**
 * A cheap first pass before the pattern matcher: a pattern cannot match
 * without its literals (a rare word, a digit …), so they are found in the
 * whole text once (literal-index.ts), and the matcher only runs on the units that
 * contain them (unit-literals.ts). On a 10 MB report with nothing to find,
 * this is the difference between seconds per rule and milliseconds.
 */
import type { LexiconEntry, PatternNode } from '@govlint/dsl';
import { foldLabel } from '@govlint/text';

type Lexicons = Readonly<Record<string, readonly LexiconEntry[]>>;

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
