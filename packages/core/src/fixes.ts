/**
 * Applying fixes to a text. Pure: the CLI writes the result, the language
 * server turns fixes into workspace edits. Fixes that would overlap one
 * already taken are left for the next pass (re-lint, then apply again), the
 * way ESLint does; an edit identical to one already taken is not a conflict
 * (several diagnostics share the fix of their common root cause).
 */
import type { Fix, TextEdit } from '@govlint/text';

export interface FixOutcome {
  readonly text: string;
  /** Fixes applied. */
  readonly applied: readonly Fix[];
  /** Fixes skipped because they overlapped one applied. */
  readonly skipped: readonly Fix[];
  /** The edits made, in text order, without duplicates. */
  readonly edits: readonly TextEdit[];
}

export function applyFixes(text: string, fixes: readonly Fix[]): FixOutcome {
  const ordered = [...fixes].sort((a, b) => firstStart(a) - firstStart(b));
  const taken: TextEdit[] = [];
  const applied: Fix[] = [];
  const skipped: Fix[] = [];
  for (const fix of ordered) {
    const fresh = fix.edits.filter((e) => !taken.some((t) => sameEdit(t, e)));
    const valid = fresh.every(
      (e) => e.range.start >= 0 && e.range.end <= text.length && e.range.start <= e.range.end,
    );
    if (!valid || fresh.some((e, i) => fresh.some((o, j) => j < i && overlaps(o, e)))) {
      skipped.push(fix);
      continue;
    }
    if (fresh.some((e) => taken.some((t) => overlaps(t, e)))) {
      skipped.push(fix);
      continue;
    }
    taken.push(...fresh);
    applied.push(fix);
  }
  taken.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  const parts: string[] = [];
  let at = 0;
  for (const e of taken) {
    parts.push(text.slice(at, e.range.start), e.text);
    at = e.range.end;
  }
  parts.push(text.slice(at));
  return { text: parts.join(''), applied, skipped, edits: taken };
}

function firstStart(fix: Fix): number {
  return Math.min(...fix.edits.map((e) => e.range.start), Number.MAX_SAFE_INTEGER);
}

function sameEdit(a: TextEdit, b: TextEdit): boolean {
  return a.range.start === b.range.start && a.range.end === b.range.end && a.text === b.text;
}

/** Two edits touch the same text; two insertions at one point also conflict. */
function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.range.start === a.range.end && b.range.start === b.range.end)
    return a.range.start === b.range.start;
  return a.range.start < b.range.end && b.range.start < a.range.end;
}
