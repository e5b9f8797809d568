/**
 * year-inconsistent: the overview opens “2022年，…” in a 2023 report, or the
 * preamble names the report (a phrase of the lexicon `report-title-cues`)
 * with another year than the report's.
 */
import type { Diagnostic } from '@govlint/text';
import type { TextContext } from '../text/context.js';
import { toNumber } from './period.js';

const RULE = 'year-inconsistent';
const OPENING_YEAR = /^[\s#*]*([0-9０-９]{4})\s*年\s*[，,、]/u;

export function yearDiagnostics(ctx: TextContext, year: number): Diagnostic[] {
  if (!ctx.active(RULE)) return [];
  const out: (Diagnostic | null)[] = [];
  const overviewDecl = ctx.template.sections[0];
  const overview = ctx.model.sections.find((s) => s.id === overviewDecl?.id);
  const first = ctx.model.paragraphs.find((p) => p.section === overview?.id);
  if (overview && first) {
    const m = OPENING_YEAR.exec(ctx.text.slice(first.range.start, first.range.end));
    if (m && toNumber(m[1]!) !== year) {
      const start = first.range.start + m[0].indexOf(m[1]!);
      out.push(
        ctx.report(
          RULE,
          { start, end: start + 4 },
          { found: toNumber(m[1]!), year, where: '总体情况开头' },
        ),
      );
    }
  }
  // The preamble: between the title (or the start) and the first section.
  const from = ctx.model.title?.range.end ?? 0;
  const to = ctx.model.sections[0]?.headingRange.start ?? 0;
  const preamble = ctx.text.slice(from, to);
  for (const cue of ctx.lexicon('report-title-cues')) {
    // A native search for the cue first: most preambles do not name the report.
    if (!preamble.includes(cue.text)) continue;
    const re = cueYear(cue.text);
    // exec from lastIndex, not matchAll: matchAll copies the expression at every call.
    // A match is never empty (four digits and the cue), so lastIndex always moves on.
    re.lastIndex = 0;
    for (let m = re.exec(preamble); m; m = re.exec(preamble)) {
      if (toNumber(m[1]!) === year) continue;
      const start = from + m.index;
      out.push(
        ctx.report(
          RULE,
          { start, end: start + 4 },
          { found: toNumber(m[1]!), year, where: '开头引用的报告名称' },
        ),
      );
    }
  }
  return out.filter((d): d is Diagnostic => d !== null);
}

const cueYears = new Map<string, RegExp>();

/** “2023年度” before the cue; built once per cue (a pack's words do not change). */
function cueYear(cue: string): RegExp {
  let re = cueYears.get(cue);
  if (!re) {
    re = new RegExp(`([0-9０-９]{4})\\s*年度?\\s*${escape(cue)}`, 'gu');
    cueYears.set(cue, re);
  }
  return re;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
