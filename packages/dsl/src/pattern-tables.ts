/**
 * A program's instructions as numeric tables, built once per program, for
 * the loops that visit every position of a text (pattern-scan.ts and
 * pattern-starts.ts): comparing small integers there, not strings.
 */
import type { Program } from './pattern-program.js';

/**
 * Opcodes. Modules unpack them into module-level constants (`const { CHAR }
 * = Op`) rather than importing each: vitest rewrites an imported name into a
 * property read at every use, which the loops over every position would pay.
 */
export const Op = {
  OTHER: 0, // save, note: pass through
  JMP: 1,
  SPLIT: 2,
  BEFORE: 3, // boundary before
  AFTER: 4, // boundary after
  GAP: 5,
  MATCH: 6,
  // Consuming instructions last: `op >= CHAR` tells them apart.
  CHAR: 7,
  ANY: 8,
  DIGIT: 9,
} as const;
const { OTHER, JMP, SPLIT, BEFORE, AFTER, GAP, MATCH, CHAR, ANY, DIGIT } = Op;

export interface Tables {
  readonly op: Uint8Array;
  /** The jump target, the split's first target, the character or the gap's min. */
  readonly x: Int32Array;
  /** The split's second target or the gap's max. */
  readonly y: Int32Array;
  /** The consuming instructions, in program order. */
  readonly consumers: Int32Array;
  /**
   * The UTF-16 units a match can begin with, as a bitset (see `inSet`); null
   * when any can. A bit per unit, not a byte: 8 KB per program and gap
   * rather than 64 KB, for a pack of a few dozen patterns.
   */
  readonly first: Int32Array | null;
  /** For a gap at pc: the characters a match can go on with after it, as `first`. */
  readonly follow: readonly (Int32Array | null)[];
  /**
   * need[pc]: the one character a thread at pc must consume next (whatever
   * zero-width steps it takes first), ANY_CHAR when it may be several or
   * none (a gap, the match), NO_CHAR when it can never go on.
   */
  readonly need: Int32Array;
}

export const ANY_CHAR = -1;
export const NO_CHAR = -2;

/** Whether the UTF-16 unit `c` is in the bitset `set`. */
export const inSet = (set: Int32Array, c: number): boolean =>
  (set[c >>> 5]! & (1 << (c & 31))) !== 0;

const cache = new WeakMap<Program, Tables>();

export function tablesOf(program: Program): Tables {
  const cached = cache.get(program);
  if (cached) return cached;
  const { insts } = program;
  const op = new Uint8Array(insts.length);
  const x = new Int32Array(insts.length);
  const y = new Int32Array(insts.length);
  insts.forEach((inst, pc) => {
    switch (inst.op) {
      case 'jmp':
        [op[pc], x[pc]] = [JMP, inst.x];
        break;
      case 'split':
        [op[pc], x[pc], y[pc]] = [SPLIT, inst.x, inst.y];
        break;
      case 'boundary':
        op[pc] = inst.side === 'before' ? BEFORE : AFTER;
        break;
      case 'gap':
        [op[pc], x[pc], y[pc]] = [GAP, inst.min, inst.max];
        break;
      case 'match':
        op[pc] = MATCH;
        break;
      case 'char':
        [op[pc], x[pc]] = [CHAR, inst.c];
        break;
      case 'any':
        op[pc] = ANY;
        break;
      case 'digit':
        op[pc] = DIGIT;
        break;
      default:
        op[pc] = OTHER;
    }
  });
  const tables: Tables = {
    op,
    x,
    y,
    consumers: Int32Array.from([...op.keys()].filter((pc) => op[pc]! >= CHAR)),
    first: charsFrom(program, 0),
    follow: [...op].map((o, pc) => (o === GAP ? charsFrom(program, pc + 1) : null)),
    need: needs(op, x, y),
  };
  cache.set(program, tables);
  return tables;
}

/**
 * The characters the program can go on with from `pc` (at 0: begin a match
 * with), or null when any can (a gap, the end of the match). Where no thread
 * can take the character at hand, the scan skips ahead.
 */
function charsFrom(program: Program, pc: number): Int32Array | null {
  const { insts } = program;
  const out = new Int32Array(0x10000 >>> 5);
  const add = (c: number): void => {
    out[c >>> 5]! |= 1 << (c & 31);
  };
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
        if (inst.c >= 0) add(inst.c);
        return;
      case 'digit':
        for (let c = 48; c < 58; c++) add(c);
        return;
      default:
        unrestricted = true;
    }
  };
  walk(pc);
  return unrestricted ? null : out;
}

/**
 * The `need` table, from the last instruction back: zero-width steps jump
 * forward, except a number's loops, whose target is a consumer (a digit).
 */
function needs(op: Uint8Array, x: Int32Array, y: Int32Array): Int32Array {
  const need = new Int32Array(op.length);
  const either = (a: number, b: number): number =>
    a === NO_CHAR ? b : b === NO_CHAR || a === b ? a : ANY_CHAR;
  for (let pc = op.length - 1; pc >= 0; pc--) {
    const o = op[pc]!;
    if (o === CHAR) need[pc] = x[pc]! >= 0 ? x[pc]! : NO_CHAR;
    else if (o === JMP) need[pc] = need[x[pc]!]!;
    else if (o === SPLIT) need[pc] = either(need[x[pc]!]!, need[y[pc]!]!);
    else if (o === OTHER || o === BEFORE || o === AFTER) need[pc] = need[pc + 1]!;
    else need[pc] = ANY_CHAR; // a digit, any character, a gap, the match
  }
  return need;
}
