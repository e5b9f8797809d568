/**
 * The matcher as it was before the two-phase rewrite (issue 7): a Pike VM
 * whose gaps expand into one instruction per character. Slow on wide gaps but
 * simple, so the property tests use it as the oracle for pattern.ts.
 */
import { type FoldedText, foldLabel, foldWithOffsets, type Range } from '@govlint/text';
import type { LexiconEntry, PatternNode } from '../compiled.js';
import type { PatternMatch } from '../pattern.js';

type Inst =
  | { readonly op: 'char'; readonly c: number }
  | { readonly op: 'any' }
  | { readonly op: 'digit' }
  | { readonly op: 'split'; readonly x: number; readonly y: number }
  | { readonly op: 'jmp'; readonly x: number }
  | { readonly op: 'save'; readonly slot: number }
  /** Succeeds when the character before (`before`) or at (`after`) the position is not a digit. */
  | { readonly op: 'boundary'; readonly side: 'before' | 'after' }
  | { readonly op: 'note'; readonly index: number }
  | { readonly op: 'match' };

interface Program {
  readonly insts: readonly Inst[];
  /** Capture names; capture i uses slots 2 + 2i and 3 + 2i. */
  readonly captures: readonly string[];
  /** Lexicon notes, by the index a `note` instruction records. */
  readonly notes: readonly (string | undefined)[];
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** Compiles a pattern tree once; `lexicons` resolves `lexicon` nodes (unknown ones match nothing). */
export function compileReference(
  node: PatternNode,
  lexicons: Readonly<Record<string, readonly LexiconEntry[]>> = {},
): Program {
  const insts: Inst[] = [];
  const captures: string[] = [];
  const notes: (string | undefined)[] = [];
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
      case 'gap': {
        for (let i = 0; i < n.min; i++) emit({ op: 'any' });
        // Lazy: prefer the shortest gap, so a match stays as tight as it can.
        const skips: number[] = [];
        for (let i = n.min; i < n.max; i++) {
          skips.push(emit({ op: 'jmp', x: -1 }));
          emit({ op: 'any' });
        }
        for (const s of skips) patch(s, { op: 'split', x: insts.length, y: s + 1 });
        return;
      }
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
  return { insts, captures, notes };
}

interface Thread {
  readonly slots: readonly number[];
  readonly note: number;
}

/**
 * Every leftmost, non-overlapping match in `source` between `start` and
 * `end` (a sentence, a paragraph, a section body).
 */
export function referenceFindMatches(
  program: Program,
  source: string,
  start = 0,
  end = source.length,
): PatternMatch[] {
  return findMatchesFolded(program, source, foldWithOffsets(source, start, end));
}

/**
 * findMatches over a span the caller has already folded (as foldWithOffsets
 * would), so that one folding serves every pattern looking at that span.
 */
function findMatchesFolded(program: Program, source: string, span: FoldedText): PatternMatch[] {
  const { folded, sourceOffsets } = span;
  const out: PatternMatch[] = [];
  let from = 0;
  while (from <= folded.length) {
    const m = matchFrom(program, folded, from);
    if (!m) break;
    out.push(toMatch(program, source, folded, sourceOffsets, m));
    from = Math.max(m.slots[1]!, m.slots[0]! + 1);
  }
  return out;
}

/** A priority-ordered list of threads, at most one per instruction. */
class ThreadList {
  readonly pcs: Int32Array;
  readonly threads: Thread[] = [];
  private readonly marks: Int32Array;
  private generation = 0;
  length = 0;

  constructor(size: number) {
    this.pcs = new Int32Array(size);
    this.marks = new Int32Array(size).fill(-1);
  }

  clear(generation: number): void {
    this.length = 0;
    this.generation = generation;
  }

  /** False if the instruction already has a (higher-priority) thread in this step. */
  visit(pc: number): boolean {
    if (this.marks[pc] === this.generation) return false;
    this.marks[pc] = this.generation;
    return true;
  }

  push(pc: number, t: Thread): void {
    this.pcs[this.length] = pc;
    this.threads[this.length++] = t;
  }
}

/**
 * The characters a match can begin with, or null when any can (a leading gap,
 * an empty match). Computed once per program: a new thread at a position whose
 * character is not among them dies at once, so the VM skips such positions.
 */
const firstChars = new WeakMap<Program, ReadonlySet<number> | null>();

function firstCharsOf(program: Program): ReadonlySet<number> | null {
  const cached = firstChars.get(program);
  if (cached !== undefined) return cached;
  const { insts } = program;
  const out = new Set<number>();
  const seen = new Set<number>();
  let unrestricted = false;
  const walk = (pc: number): void => {
    if (unrestricted || seen.has(pc)) return;
    seen.add(pc);
    const inst = insts[pc]!;
    switch (inst.op) {
      case 'jmp':
        return walk(inst.x);
      case 'split':
        walk(inst.x);
        return walk(inst.y);
      case 'save':
      case 'note':
      case 'boundary':
        return walk(pc + 1);
      case 'char':
        out.add(inst.c);
        return;
      case 'digit':
        for (let d = 48; d <= 57; d++) out.add(d);
        return;
      default:
        unrestricted = true;
    }
  };
  walk(0);
  const result = unrestricted ? null : out;
  firstChars.set(program, result);
  return result;
}

function matchFrom(program: Program, text: string, from: number): Thread | undefined {
  const { insts } = program;
  const first = firstCharsOf(program);
  const empty: Thread = {
    slots: new Array<number>(2 + 2 * program.captures.length).fill(-1),
    note: -1,
  };
  let current = new ThreadList(insts.length);
  let next = new ThreadList(insts.length);
  let matched: Thread | undefined;
  let generation = 0;
  // Follows jumps, splits and zero-width instructions, in priority order.
  const add = (list: ThreadList, pc: number, t: Thread, pos: number): void => {
    if (!list.visit(pc)) return;
    const inst = insts[pc]!;
    switch (inst.op) {
      case 'jmp':
        return add(list, inst.x, t, pos);
      case 'split':
        add(list, inst.x, t, pos);
        return add(list, inst.y, t, pos);
      case 'save': {
        const slots = [...t.slots];
        slots[inst.slot] = pos;
        return add(list, pc + 1, { slots, note: t.note }, pos);
      }
      case 'note':
        return add(list, pc + 1, { slots: t.slots, note: inst.index }, pos);
      case 'boundary': {
        const c = text.charCodeAt(inst.side === 'before' ? pos - 1 : pos);
        if (!isDigit(c)) add(list, pc + 1, t, pos);
        return;
      }
      default:
        list.push(pc, t);
    }
  };
  current.clear(generation++);
  for (let pos = from; pos <= text.length; pos++) {
    if (!matched && current.length === 0 && first) {
      // No thread alive: jump to the next character a match can begin with.
      while (pos < text.length && !first.has(text.charCodeAt(pos))) pos++;
      if (pos >= text.length) break;
    }
    // A new start at each position, with the lowest priority, until a match is found.
    if (!matched) add(current, 0, empty, pos);
    else if (current.length === 0) break;
    next.clear(generation++);
    const c = text.charCodeAt(pos);
    for (let k = 0; k < current.length; k++) {
      const pc = current.pcs[k]!;
      const inst = insts[pc]!;
      const t = current.threads[k]!;
      if (inst.op === 'match') {
        matched = t;
        break; // lower-priority threads are cut
      }
      if (pos >= text.length) continue;
      if (
        (inst.op === 'char' && inst.c === c) ||
        inst.op === 'any' ||
        (inst.op === 'digit' && isDigit(c))
      ) {
        add(next, pc + 1, t, pos + 1);
      }
    }
    [current, next] = [next, current];
  }
  return matched;
}

function toMatch(
  program: Program,
  source: string,
  folded: string,
  offsets: Int32Array,
  t: Thread,
): PatternMatch {
  const toSource = (a: number, b: number): Range => {
    const start = offsets[a]!;
    if (b <= a) return { start, end: start };
    const lastStart = offsets[b - 1]!;
    const width = (source.codePointAt(lastStart) ?? 0) > 0xffff ? 2 : 1;
    return { start, end: lastStart + width };
  };
  const range = toSource(t.slots[0]!, t.slots[1]!);
  const captures: Record<string, { value: number; range: Range }> = {};
  program.captures.forEach((name, i) => {
    const a = t.slots[2 + 2 * i]!;
    const b = t.slots[3 + 2 * i]!;
    if (a >= 0 && b >= 0)
      captures[name] = { value: Number(folded.slice(a, b)), range: toSource(a, b) };
  });
  const note = t.note >= 0 ? program.notes[t.note] : undefined;
  return {
    range,
    text: source.slice(range.start, range.end),
    captures,
    ...(note !== undefined ? { note } : {}),
  };
}
