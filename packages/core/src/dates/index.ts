/**
 * Dates and years (template-spec §6.5): the statistical period, the
 * publication or signature date against the deadline, and years in the
 * text that disagree with the report year. Date arithmetic is code; the
 * words (period cues, agency kinds, report-title phrases) are lexicons.
 */
import type { Diagnostic } from '@govlint/text';
import type { TextContext } from '../text/context.js';
import { agencyKind, KIND_NAMES } from './agency.js';
import { chineseDate, dayNumber, deadline } from './calendar.js';
import { periodDiagnostics } from './period.js';
import { yearDiagnostics } from './years.js';

export function dateDiagnostics(ctx: TextContext): Diagnostic[] {
  const year = ctx.model.year?.value;
  if (year === undefined) return [];
  // Pushed, not spread: spreading arrays into a literal is slow on Node 20.
  const out = periodDiagnostics(ctx, year);
  for (const d of publication(ctx, year)) out.push(d);
  for (const d of yearDiagnostics(ctx, year)) out.push(d);
  return out;
}

function publication(ctx: TextContext, year: number): Diagnostic[] {
  const { model } = ctx;
  // A page's own publication time first, else the date under the signature.
  const date =
    model.dates.find((d) => d.kind === 'metadata') ??
    model.dates.find((d) => d.kind === 'signature');
  if (!date) {
    const end = { start: ctx.text.length, end: ctx.text.length };
    return keep([ctx.report('publish-date-missing', end, { year })]);
  }
  const at = date.range;
  const day = dayNumber(date.value);
  const shown = chineseDate(date.value);
  const out: (Diagnostic | null)[] = [];
  const kind = agencyKind(model.agency, ctx.lexicon('agency-types'));
  const last = deadline(year, kind, ctx.config);
  if (day <= dayNumber(`${year}-12-31`)) {
    out.push(ctx.report('publish-too-early', at, { date: shown, year }));
  } else if (day > dayNumber(last)) {
    out.push(
      ctx.report('publish-late', at, {
        date: shown,
        deadline: chineseDate(last),
        kind: kind ? KIND_NAMES[kind] : '本级人民政府',
        year,
      }),
    );
  }
  // Also said on its own: a year off by one is often a typo in the date or in the title.
  if (Number(date.value.slice(0, 4)) !== year + 1) {
    out.push(ctx.report('publish-date-year', at, { date: shown, year, expected: year + 1 }));
  }
  return keep(out);
}

function keep(list: readonly (Diagnostic | null)[]): Diagnostic[] {
  return list.filter((d): d is Diagnostic => d !== null);
}
