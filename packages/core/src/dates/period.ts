/**
 * The statistical period: a sentence that names a full calendar year
 * (“2023年1月1日至12月31日”) and a cue from the lexicon `period-cues`
 * (统计, 本报告). Its year must be the report year (period-mismatch); a
 * report without one gets a notice (period-missing).
 */
import type { Diagnostic, Range } from '@govlint/text';
import type { TextContext } from '../text/context.js';
import { hasLexicon, sentences } from '../text/lexicon-search.js';
import { unitsContaining } from './units-containing.js';

const DIGITS = '[0-9０-９]';
/** 2023年1月1日 … 至 … (2023年)12月31日, with the spaces extraction leaves. */
export const FULL_YEAR = new RegExp(
  `(${DIGITS}{4})\\s*年\\s*0?1\\s*月\\s*0?1\\s*日\\s*(?:起\\s*)?(?:至|到|—|–|-|~|～)\\s*(?:(${DIGITS}{4})\\s*年\\s*)?12\\s*月\\s*31\\s*日`,
  'u',
);
/** Every match of FULL_YEAR contains it (…12月31日): other sentences are not searched. */
export const NEEDED = '31';

export function periodDiagnostics(ctx: TextContext, year: number): Diagnostic[] {
  if (!ctx.active('period-mismatch') && !ctx.active('period-missing')) return [];
  const periods: { year: number; range: Range }[] = [];
  for (const s of unitsContaining(ctx.text, sentences(ctx), NEEDED)) {
    const m = FULL_YEAR.exec(ctx.text.slice(s.start, s.end));
    if (!m || !hasLexicon(ctx, 'period-cues', [s])) continue;
    const start = s.start + m.index;
    periods.push({ year: toNumber(m[1]!), range: { start, end: start + 4 } });
  }
  if (periods.length === 0) {
    const at = ctx.model.title?.range ?? { start: 0, end: 0 };
    const d = ctx.report('period-missing', at, { year });
    return d ? [d] : [];
  }
  const out: Diagnostic[] = [];
  for (const p of periods) {
    if (p.year === year) continue;
    const d = ctx.report('period-mismatch', p.range, { found: p.year, year });
    if (d) out.push(d);
  }
  return out;
}

export function toNumber(digits: string): number {
  // ASCII digits are their own NFKC form: normalised only when a full-width one is there.
  for (let i = 0; i < digits.length; i++) {
    if (digits.charCodeAt(i) > 0x7f) return Number(digits.normalize('NFKC'));
  }
  return Number(digits);
}
