/**
 * Checks of whole sections, by their place in the template: the overview
 * (the first section) must touch the five aspects the format names; the
 * last section (其他需要报告的事项) must say something, at least about the
 * 信息处理费. The words are the pack's lexicons.
 */
import type { LexiconEntry } from '@govlint/dsl';
import type { Diagnostic } from '@govlint/text';
import type { TextContext } from './context.js';
import { hasLexicon, lexiconHits } from './lexicon-search.js';

const OVERVIEW = 'overview-aspect-missing';
const FEE_MISSING = 'fee-statement-missing';
const EMPTY = 'other-matters-empty';

function sectionAt(ctx: TextContext, position: 'first' | 'last') {
  const decl = position === 'first' ? ctx.template.sections[0] : ctx.template.sections.at(-1);
  return decl ? ctx.model.sections.find((s) => s.id === decl.id) : undefined;
}

interface Aspects {
  /** The aspects (entry notes) in order, each with its keywords quoted. */
  readonly list: readonly { aspect: string; keywords: string }[];
  /** Per entry, the index of the aspect its match shows (-1: none, an entry without a note). */
  readonly ofEntry: readonly number[];
}

const aspectLists = new WeakMap<readonly LexiconEntry[], Aspects>();

/** The aspects of the lexicon (once per pack). */
function aspectsOf(entries: readonly LexiconEntry[]): Aspects {
  let aspects = aspectLists.get(entries);
  if (!aspects) {
    const names = [...new Set(entries.map((e) => e.note ?? e.text))];
    const list = names.map((aspect) => ({
      aspect,
      keywords: entries
        .filter((e) => (e.note ?? e.text) === aspect)
        .map((e) => `“${e.text}”`)
        .join(''),
    }));
    // A match counts for the aspect its note names: an entry without a note counts for none.
    const ofEntry = entries.map((e) => (e.note === undefined ? -1 : names.indexOf(e.note)));
    aspects = { list, ofEntry };
    aspectLists.set(entries, aspects);
  }
  return aspects;
}

/** One finding per aspect (a lexicon note) none of whose keywords occurs in the overview. */
export function overviewAspects(ctx: TextContext): Diagnostic[] {
  if (!ctx.active(OVERVIEW)) return [];
  const overview = sectionAt(ctx, 'first');
  if (!overview) return [];
  const aspects = aspectsOf(ctx.lexicon('overview-aspects'));
  const { orders } = lexiconHits(ctx, 'overview-aspects', [overview.bodyRange]);
  const found = aspects.list.map(() => false);
  for (const order of orders) {
    const k = aspects.ofEntry[order]!;
    if (k >= 0) found[k] = true;
  }
  const out: Diagnostic[] = [];
  for (let k = 0; k < aspects.list.length; k++) {
    if (found[k]) continue;
    const { aspect, keywords } = aspects.list[k]!;
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
  const emptyWords = strippedSet(ctx.lexicon('empty-matters'));
  if (saysNothing(body, emptyWords)) {
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

interface EmptyWords {
  readonly set: ReadonlySet<string>;
  /** The longest, in UTF-16 units. */
  readonly longest: number;
}

const strippedSets = new WeakMap<readonly LexiconEntry[], EmptyWords>();

/** A lexicon's entries stripped (see stripped), as a set made once per pack. */
function strippedSet(entries: readonly LexiconEntry[]): EmptyWords {
  let words = strippedSets.get(entries);
  if (!words) {
    const set = new Set(entries.map((e) => stripped(e.text)));
    words = { set, longest: Math.max(0, ...[...set].map((w) => w.length)) };
    strippedSets.set(entries, words);
  }
  return words;
}

function isEmpty(bare: string, words: EmptyWords): boolean {
  // A longer text is in no set: not hashed (a long body would be, at every lint).
  return bare === '' || (bare.length <= words.longest && words.set.has(bare));
}

/**
 * The body is empty or one of the empty words once stripped. Only a short
 * body can be (a long one is compared as it is, not normalised). Chinese
 * characters (U+4E00–U+9FFF) survive NFKC and stripping, so a body with
 * more of them than the longest empty word is told apart without
 * normalising it.
 */
function saysNothing(body: string, words: EmptyWords): boolean {
  if (body.length > 200) return isEmpty(body, words);
  let han = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff && ++han > words.longest) return false;
  }
  return isEmpty(stripped(body), words);
}

/** Text without whitespace, punctuation and brackets: what is left of “（无）”. */
function stripped(text: string): string {
  return text.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '');
}
