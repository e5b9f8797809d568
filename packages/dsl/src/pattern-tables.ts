/**
 * A program's instructions as numeric tables, built once per program, for
 * the loops that visit every position of a text (pattern-scan.ts and
 * pattern-starts.ts): comparing small integers there, not strings.
 */
import type { Program } from './pattern-program.js';

export const OTHER = 0; // save, note: pass through
export const JMP = 1;
export const SPLIT = 2;
export const BEFORE = 3; // boundary before
export const AFTER = 4; // boundary after
export const GAP = 5;
export const MATCH = 6;
// Consuming instructions last: `op >= CHAR` tells them apart.
export const CHAR = 7;
export const ANY = 8;
export const DIGIT = 9;

export interface Tables {
  readonly op: Uint8Array;
  /** The jump target, the split's first target, the character or the gap's min. */
  readonly x: Int32Array;
  /** The split's second target or the gap's max. */
  readonly y: Int32Array;
  /** The consuming instructions, in program order. */
  readonly consumers: Int32Array;
  /** first[c] is 1 when a match can begin with the UTF-16 unit c; null when any can. */
  readonly first: Uint8Array | null;
}

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
    first: firstCharsOf(program),
  };
  cache.set(program, tables);
  return tables;
}

/**
 * The characters a match can begin with, or null when any can (a leading gap,
 * an empty match). Where nothing is under way and the character is not among them,
 * no match begins, so the scan skips ahead.
 */
function firstCharsOf(program: Program): Uint8Array | null {
  const { insts } = program;
  const out = new Uint8Array(0x10000);
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
        if (inst.c >= 0) out[inst.c] = 1;
        return;
      case 'digit':
        out.fill(1, 48, 58);
        return;
      default:
        unrestricted = true;
    }
  };
  walk(0);
  return unrestricted ? null : out;
}
