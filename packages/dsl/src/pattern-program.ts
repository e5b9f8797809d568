/**
 * Narrative patterns (compiled.ts `PatternNode`) compiled to a small program
 * for the matcher (pattern.ts). A gap is ONE instruction holding its bounds,
 * not one instruction per character it may skip: the matcher's cost must not
 * grow with the width of a gap (issue 7).
 */
import { foldLabel } from '@govlint/text';
import type { LexiconEntry, PatternNode } from './compiled.js';

export type Inst =
  | { readonly op: 'char'; readonly c: number }
  | { readonly op: 'any' }
  | { readonly op: 'digit' }
  | { readonly op: 'split'; readonly x: number; readonly y: number }
  | { readonly op: 'jmp'; readonly x: number }
  | { readonly op: 'save'; readonly slot: number }
  /** Succeeds when the character before (`before`) or at (`after`) the position is not a digit. */
  | { readonly op: 'boundary'; readonly side: 'before' | 'after' }
  | { readonly op: 'note'; readonly index: number }
  /**
   * Any `min`..`max` characters, then pc + 1; the shortest first (lazy).
   * `index` numbers the program's gaps from 0, for per-gap state.
   */
  | { readonly op: 'gap'; readonly min: number; readonly max: number; readonly index: number }
  | { readonly op: 'match' };

export interface Program {
  readonly insts: readonly Inst[];
  /** Capture names; capture i uses slots 2 + 2i and 3 + 2i. */
  readonly captures: readonly string[];
  /** Lexicon notes, by the index a `note` instruction records. */
  readonly notes: readonly (string | undefined)[];
  /** How many `gap` instructions the program has. */
  readonly gaps: number;
}

export const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * Compiles a pattern tree once; `lexicons` resolves `lexicon` nodes (unknown
 * ones match nothing). Every jump or split goes forward, except the loops of
 * a number, which go back to a `digit`: the matcher relies on it.
 */
export function compilePattern(
  node: PatternNode,
  lexicons: Readonly<Record<string, readonly LexiconEntry[]>> = {},
): Program {
  const insts: Inst[] = [];
  const captures: string[] = [];
  const notes: (string | undefined)[] = [];
  let gaps = 0;
  const emit = (i: Inst): number => insts.push(i) - 1;
  const patch = (at: number, i: Inst): void => {
    insts[at] = i;
  };
  /** Alternatives in priority order: split chains, each branch jumping to the end. */
  const alternatives = (branches: (() => void)[]): void => {
    const jumps: number[] = [];
    branches.forEach((branch, k) => {
      const split = k < branches.length - 1 ? emit({ op: 'jmp', x: -1 }) : -1;
      const start = insts.length;
      branch();
      if (split >= 0) {
        jumps.push(emit({ op: 'jmp', x: -1 }));
        patch(split, { op: 'split', x: start, y: insts.length });
      }
    });
    for (const j of jumps) patch(j, { op: 'jmp', x: insts.length });
  };
  const literal = (text: string): void => {
    const folded = foldLabel(text);
    for (let i = 0; i < folded.length; i++) emit({ op: 'char', c: folded.charCodeAt(i) });
  };
  const walk = (n: PatternNode): void => {
    switch (n.kind) {
      case 'literal':
        return literal(n.text);
      case 'seq':
        return n.items.forEach(walk);
      case 'alt':
        return alternatives(n.options.map((o) => () => walk(o)));
      case 'optional': {
        const split = emit({ op: 'jmp', x: -1 });
        walk(n.body);
        return patch(split, { op: 'split', x: split + 1, y: insts.length });
      }
      case 'gap':
        // A reversed range skips exactly `min` characters, as it always has.
        emit({ op: 'gap', min: n.min, max: Math.max(n.min, n.max), index: gaps++ });
        return;
      case 'number': {
        let index = captures.indexOf(n.name);
        if (index < 0) index = captures.push(n.name) - 1;
        emit({ op: 'boundary', side: 'before' });
        emit({ op: 'save', slot: 2 + 2 * index });
        const loop = emit({ op: 'digit' });
        const more = emit({ op: 'jmp', x: -1 });
        patch(more, { op: 'split', x: loop, y: more + 1 });
        // An optional decimal part, taken greedily.
        const dot = emit({ op: 'jmp', x: -1 });
        emit({ op: 'char', c: 46 });
        const frac = emit({ op: 'digit' });
        const fracMore = emit({ op: 'jmp', x: -1 });
        patch(fracMore, { op: 'split', x: frac, y: fracMore + 1 });
        patch(dot, { op: 'split', x: dot + 1, y: insts.length });
        emit({ op: 'save', slot: 3 + 2 * index });
        emit({ op: 'boundary', side: 'after' });
        return;
      }
      case 'lexicon': {
        const entries = lexicons[n.name] ?? [];
        if (entries.length === 0) {
          emit({ op: 'char', c: -1 }); // matches nothing
          return;
        }
        return alternatives(
          entries.map((e) => () => {
            emit({ op: 'note', index: notes.push(e.note) - 1 });
            literal(e.text);
          }),
        );
      }
    }
  };
  emit({ op: 'save', slot: 0 });
  walk(node);
  emit({ op: 'save', slot: 1 });
  emit({ op: 'match' });
  return { insts, captures, notes, gaps };
}
