/**
 * Where a pattern's matches can begin, read off the pattern itself, so that
 * a caller who knows where literals occur (core's literal index) runs the
 * matcher only there, anchored (pattern.ts `findMatchesAt`), instead of
 * scanning every unit that holds the pattern's words.
 *
 * `first`: literals one of which begins every match (`("收到" | "受理") …`
 * begins at a 收到 or a 受理). `confirm`: later parts every match has, at a
 * bounded distance from its start, by the literals they begin with
 * (`("公开" | "公示") gap 0..2 "行政许可"` has 行政许可 2 to 4 units after its
 * start): a start with none of them in that stretch cannot begin a match. Both only narrow where the matcher
 * looks; the matcher decides. All literals are folded (foldLabel).
 */
import { foldLabel } from '@govlint/text';
import type { LexiconEntry, PatternNode } from './compiled.js';

type Lexicons = Readonly<Record<string, readonly LexiconEntry[]>>;

export interface PatternAnchors {
  /** Every match begins with one of these (empty: the pattern never matches). */
  readonly first: readonly string[];
  /** Parts every match holds at a bounded distance from its start. */
  readonly confirm: readonly Confirmer[];
}

/**
 * One of `literals` (or, for `digit`, a digit: where a number begins)
 * starts between `min` and `max` units after the match's start.
 */
export interface Confirmer {
  readonly literals: readonly string[];
  readonly digit: boolean;
  readonly min: number;
  readonly max: number;
}

/**
 * A pattern's anchors, or null when a match may be empty or begin with any
 * character (a gap, a number): such a pattern is scanned for.
 */
export function patternAnchors(node: PatternNode, lexicons: Lexicons): PatternAnchors | null {
  const first = firstLiterals(node, lexicons);
  if (!first || first.nullable) return null;
  const confirm: Confirmer[] = [];
  let min = 0;
  let max = 0;
  for (const item of flatten(node)) {
    if (max === Infinity) break;
    if (min > 0 || max > 0) {
      // A part that begins with one of some literals, or with a digit (a number).
      const begins = firstLiterals(item, lexicons);
      if (begins && !begins.nullable && begins.literals.length > 0) {
        confirm.push({ literals: [...new Set(begins.literals)], digit: false, min, max });
      } else if (item.kind === 'number') confirm.push({ literals: [], digit: true, min, max });
    }
    const [lo, hi] = lengths(item, lexicons);
    min += lo;
    max += hi;
  }
  return { first: [...new Set(first.literals)], confirm };
}

interface First {
  readonly literals: readonly string[];
  /** The node can match the empty string, so what follows it may begin a match too. */
  readonly nullable: boolean;
}

/** The literals a match of `node` begins with, or null if it can begin otherwise. */
function firstLiterals(node: PatternNode, lexicons: Lexicons): First | null {
  switch (node.kind) {
    case 'literal': {
      const folded = foldLabel(node.text);
      return folded ? { literals: [folded], nullable: false } : { literals: [], nullable: true };
    }
    case 'lexicon': {
      const entries = folds(node.name, lexicons);
      return entries.every((e) => e) ? { literals: entries, nullable: false } : null;
    }
    case 'gap':
      return node.min === 0 && node.max <= 0 ? { literals: [], nullable: true } : null;
    case 'number':
      return null;
    case 'optional': {
      const body = firstLiterals(node.body, lexicons);
      return body && { literals: body.literals, nullable: true };
    }
    case 'alt':
      return union(node.options, lexicons, false);
    case 'seq':
      return union(node.items, lexicons, true);
  }
}

/** Alternatives' first literals joined; or a sequence's, up to its first part that cannot be empty. */
function union(nodes: readonly PatternNode[], lexicons: Lexicons, seq: boolean): First | null {
  const literals: string[] = [];
  let nullable = false;
  for (const n of nodes) {
    const f = firstLiterals(n, lexicons);
    if (!f) return null;
    literals.push(...f.literals);
    if (seq && !f.nullable) return { literals, nullable: false };
    nullable ||= f.nullable;
  }
  return { literals, nullable: seq || nullable };
}

/** The shortest and longest a match of `node` can be, in folded units. */
function lengths(node: PatternNode, lexicons: Lexicons): [number, number] {
  switch (node.kind) {
    case 'literal': {
      const n = foldLabel(node.text).length;
      return [n, n];
    }
    case 'lexicon': {
      const sizes = folds(node.name, lexicons).map((e) => e.length);
      return sizes.length > 0 ? [Math.min(...sizes), Math.max(...sizes)] : [0, 0];
    }
    case 'gap':
      return [node.min, Math.max(node.min, node.max)];
    case 'number':
      return [1, Infinity];
    case 'optional':
      return [0, lengths(node.body, lexicons)[1]];
    case 'alt': {
      const all = node.options.map((o) => lengths(o, lexicons));
      return [Math.min(...all.map((l) => l[0])), Math.max(...all.map((l) => l[1]))];
    }
    case 'seq':
      return node.items
        .map((i) => lengths(i, lexicons))
        .reduce<[number, number]>((a, b) => [a[0] + b[0], a[1] + b[1]], [0, 0]);
  }
}

/** A sequence's parts, nested sequences spliced in. */
function flatten(node: PatternNode): PatternNode[] {
  return node.kind === 'seq' ? node.items.flatMap(flatten) : [node];
}

function folds(name: string, lexicons: Lexicons): string[] {
  return (lexicons[name] ?? []).map((e) => foldLabel(e.text));
}
