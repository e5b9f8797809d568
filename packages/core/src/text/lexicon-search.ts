/**
 * Searching a pack's lexicon (a word list) in parts of the report, with the
 * same folded matching and literal prefilter as text checks: builtin checks
 * read their words from lexicons, never from code.
 */
import {
  type LexiconEntry,
  type PatternMatch,
  type Program,
  compilePattern,
  findMatches,
} from '@govlint/dsl';
import type { Range } from '@govlint/text';
import type { TextContext } from './context.js';
import { requiredLiterals, unitsWithLiterals } from './prefilter.js';

type Lexicons = Readonly<Record<string, readonly LexiconEntry[]>>;

interface Prepared {
  readonly program: Program;
  readonly literals: readonly string[] | null;
}

const cache = new WeakMap<Lexicons, Map<string, Prepared>>();

function prepared(lexicons: Lexicons, name: string): Prepared {
  let byName = cache.get(lexicons);
  if (!byName) cache.set(lexicons, (byName = new Map()));
  let p = byName.get(name);
  if (!p) {
    const node = { kind: 'lexicon', name } as const;
    p = { program: compilePattern(node, lexicons), literals: requiredLiterals(node, lexicons) };
    byName.set(name, p);
  }
  return p;
}

/** Every match of the lexicon's entries in the units (each match inside one unit). */
export function lexiconMatches(
  ctx: TextContext,
  name: string,
  units: readonly Range[],
): PatternMatch[] {
  if (ctx.lexicon(name).length === 0) return [];
  const { program, literals } = prepared(ctx.template.lexicons, name);
  return unitsWithLiterals(units, literals, ctx.folded()).flatMap((u) =>
    findMatches(program, ctx.text, u.start, u.end),
  );
}

/** Whether any entry of the lexicon occurs in the units. */
export function hasLexicon(ctx: TextContext, name: string, units: readonly Range[]): boolean {
  if (ctx.lexicon(name).length === 0) return false;
  const { program, literals } = prepared(ctx.template.lexicons, name);
  return unitsWithLiterals(units, literals, ctx.folded()).some(
    (u) => findMatches(program, ctx.text, u.start, u.end).length > 0,
  );
}

/** The sentences of the narrative (outside tables, headings and the title). */
export function sentences(ctx: TextContext, section?: string): Range[] {
  const paragraphs = section
    ? ctx.model.paragraphs.filter((p) => p.section === section)
    : ctx.model.paragraphs;
  return paragraphs.flatMap((p) => p.sentences);
}
