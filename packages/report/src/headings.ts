/**
 * The template's section headings, prepared once per template for the line
 * search: folded, split into numbering and body, indexed by length, and the
 * units a heading line can start with as bit sets.
 */
import type { CompiledTemplate, SectionDecl } from '@govlint/dsl';
import { fold } from './fold.js';
import { splitNumbering } from './numbering.js';
import { type UnitSet, unitSet } from './unit-set.js';

export interface Heading {
  readonly decl: SectionDecl;
  readonly folded: string;
  readonly numbering: string;
  readonly body: string;
  readonly variant: boolean;
}

export interface Candidate {
  readonly heading: Heading;
  readonly start: number;
  readonly end: number;
  /** Lower is better: exact, variant, renumbered, fuzzy. */
  readonly rank: number;
}

export const NONE: readonly Heading[] = [];

function headingsOf(template: CompiledTemplate): Heading[] {
  const out: Heading[] = [];
  for (const decl of template.sections) {
    const texts: [string, boolean][] = [
      [decl.heading, false],
      ...decl.variants.map((v): [string, boolean] => [v, true]),
    ];
    for (const [text, variant] of texts) {
      const folded = fold(text);
      if (!folded) continue;
      const { numbering, body } = splitNumbering(folded);
      out.push({ decl, folded, numbering, body, variant });
    }
  }
  return out;
}

export interface Prepared {
  readonly headings: readonly Heading[];
  readonly maxLength: number;
  /** First characters a heading line can start with (after decoration), folded: 1 in a table by code unit. */
  readonly starts: UnitSet;
  readonly minLength: number;
  /** The first two characters of every heading's body (as one number): a heading line holds one near its start. */
  readonly seeds: ReadonlySet<number>;
  /** 1 for each first character of a seed: most characters are ruled out by one lookup, before the set. */
  readonly seedFirst: UnitSet;
  /** 1 for the first unit of every folded heading: a line cut at `reach` can only start with one. */
  readonly headingFirst: UnitSet;
  /**
   * The headings by the length of their folded text, and of their body: a
   * line is compared with the few of its length (a map would hash every
   * line's folded text first).
   */
  readonly ofLength: readonly (readonly Heading[] | undefined)[];
  readonly ofBodyLength: readonly (readonly Heading[] | undefined)[];
}

const prepared = new WeakMap<CompiledTemplate, Prepared>();

export function prepare(template: CompiledTemplate): Prepared {
  let p = prepared.get(template);
  if (p) return p;
  const headings = headingsOf(template);
  const ofLength: Heading[][] = [];
  const ofBodyLength: Heading[][] = [];
  const starts = new Set<number>(
    [...'一二三四五六七八九十(0123456789'].map((c) => c.charCodeAt(0)),
  );
  for (const h of headings) {
    (ofLength[h.folded.length] ??= []).push(h);
    (ofBodyLength[h.body.length] ??= []).push(h);
    for (const t of [h.folded, h.body]) if (t) starts.add(t.charCodeAt(0));
  }
  const maxLength = Math.max(0, ...headings.map((h) => h.folded.length));
  const minLength = Math.min(...headings.map((h) => h.folded.length));
  const seeded = headings.filter((h) => h.body.length >= 2);
  const seeds = new Set(seeded.map((h) => pairKey(h.body.charCodeAt(0), h.body.charCodeAt(1))));
  const seedFirst = unitSet(seeded.map((h) => h.body.charCodeAt(0)));
  const startTable = unitSet(starts);
  const headingFirst = unitSet(headings.map((h) => h.folded.charCodeAt(0)));
  p = {
    headings,
    ofLength,
    ofBodyLength,
    maxLength,
    minLength,
    starts: startTable,
    seeds,
    seedFirst,
    headingFirst,
  };
  prepared.set(template, p);
  return p;
}

/** Two code units as one small integer (a superset filter: collisions only cost a closer look). */
export const pairKey = (a: number, b: number): number => ((a & 0x7fff) << 15) | (b & 0x7fff);
