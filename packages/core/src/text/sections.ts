/**
 * Checks of whole sections, by their place in the template: the overview
 * (the first section) must touch the five aspects the format names; the
 * last section (其他需要报告的事项) must say something, at least about the
 * 信息处理费. The words are the pack's lexicons.
 */
import type { Diagnostic } from '@govlint/text';
import type { TextContext } from './context.js';
import { hasLexicon, lexiconMatches } from './lexicon-search.js';

const OVERVIEW = 'overview-aspect-missing';
const FEE_MISSING = 'fee-statement-missing';
const EMPTY = 'other-matters-empty';

function sectionAt(ctx: TextContext, position: 'first' | 'last') {
  const decl = position === 'first' ? ctx.template.sections[0] : ctx.template.sections.at(-1);
  return decl ? ctx.model.sections.find((s) => s.id === decl.id) : undefined;
}

/** One finding per aspect (a lexicon note) none of whose keywords occurs in the overview. */
export function overviewAspects(ctx: TextContext): Diagnostic[] {
  if (!ctx.active(OVERVIEW)) return [];
  const overview = sectionAt(ctx, 'first');
  if (!overview) return [];
  const entries = ctx.lexicon('overview-aspects');
  const found = new Set(
    lexiconMatches(ctx, 'overview-aspects', [overview.bodyRange]).map((m) => m.note),
  );
  const aspects = [...new Set(entries.map((e) => e.note ?? e.text))];
  const out: Diagnostic[] = [];
  for (const aspect of aspects) {
    if (found.has(aspect)) continue;
    const keywords = entries
      .filter((e) => (e.note ?? e.text) === aspect)
      .map((e) => `“${e.text}”`)
      .join('');
    const d = ctx.report(OVERVIEW, overview.headingRange, { aspect, keywords });
    if (d) out.push(d);
  }
  return out;
}

/** The last section says nothing (or only 无), or nothing about the 信息处理费. */
export function otherMatters(ctx: TextContext): Diagnostic[] {
  const section = sectionAt(ctx, 'last');
  if (!section || (!ctx.active(FEE_MISSING) && !ctx.active(EMPTY))) return [];
  const out: Diagnostic[] = [];
  const body = ctx.text.slice(section.bodyRange.start, section.bodyRange.end);
  // Only a short body can be “无”: do not normalise a long one.
  const bare = body.length > 200 ? body : stripped(body);
  const emptyWords = new Set(ctx.lexicon('empty-matters').map((e) => stripped(e.text)));
  if (bare === '' || emptyWords.has(bare)) {
    const trimmed = body.trim();
    const at = trimmed
      ? section.bodyRange.start + body.indexOf(trimmed)
      : section.headingRange.start;
    const range = trimmed ? { start: at, end: at + trimmed.length } : section.headingRange;
    const d = ctx.report(EMPTY, range, { found: trimmed || '（空）' });
    if (d) out.push(d);
  }
  if (!hasLexicon(ctx, 'fee-terms', [section.bodyRange])) {
    // “未收取任何费用” in the last section or the overview: the statement is there, if vague.
    const overview = sectionAt(ctx, 'first');
    const waived = hasLexicon(ctx, 'fee-waived', [
      section.bodyRange,
      ...(overview ? [overview.bodyRange] : []),
    ]);
    const d = ctx.report(FEE_MISSING, section.headingRange, {}, waived ? { severity: 'info' } : {});
    if (d) out.push(d);
  }
  return out;
}

/** Text without whitespace, punctuation and brackets: what is left of “（无）”. */
function stripped(text: string): string {
  return text.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '');
}
