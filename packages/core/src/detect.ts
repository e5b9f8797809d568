/**
 * Which template a report is written in (spec §7.2): the markers each
 * template declares (labels only it uses), falling back on the report year.
 * Also the findings about it: an outdated template for the year, a mix of
 * two templates, a template used before it existed.
 */
import type { CompiledTemplate } from '@govlint/dsl';
import { type Range, foldLabel } from '@govlint/text';
import { type FoldedReport, foldReport, templateNeedles } from './text/literal-index.js';

export interface MarkerHit {
  readonly template: string;
  readonly marker: string;
  readonly range: Range;
}

/**
 * Where each template's markers occur (the first occurrence of each).
 * Labels are compared folded (full-width and half-width forms alike, spaces
 * and decoration ignored), in the report folded once (see literal-index.ts).
 * An occurrence inside a longer marker of another template does not count
 * (`X` inside `YX`).
 */
export function scanMarkers(
  text: string,
  templates: readonly CompiledTemplate[],
  report: FoldedReport = foldReport(text, templateNeedles(templates)),
): MarkerHit[] {
  const { folded, sourceOffsets } = report.folded;
  const hits: MarkerHit[] = [];
  for (const m of preparedMarkers(templates)) {
    const at = report.literals
      .positions(m.folded)
      .find((p) => !m.containing.some((longer) => inside(folded, m.folded, p, longer)));
    if (at === undefined) continue;
    const start = sourceOffsets[at]!;
    const last = sourceOffsets[at + m.folded.length - 1]!;
    const end = last + ((text.codePointAt(last) ?? 0) > 0xffff ? 2 : 1);
    hits.push({ template: m.template, marker: m.marker, range: { start, end } });
  }
  return hits.sort((a, b) => a.range.start - b.range.start);
}

interface PreparedMarker {
  readonly template: string;
  readonly marker: string;
  readonly folded: string;
  /** Other templates' markers that contain this one, folded. */
  readonly containing: readonly string[];
}

const prepared = new WeakMap<readonly CompiledTemplate[], readonly PreparedMarker[]>();

function preparedMarkers(templates: readonly CompiledTemplate[]): readonly PreparedMarker[] {
  const cached = prepared.get(templates);
  if (cached) return cached;
  const all = templates.flatMap((t) =>
    t.markers.map((marker) => ({ template: t.id, marker, folded: foldLabel(marker) })),
  );
  const out = all
    .filter((m) => m.folded.length > 0)
    .map((m) => ({
      ...m,
      containing: all
        .filter((o) => o.template !== m.template && o.folded.length > m.folded.length)
        .map((o) => o.folded)
        .filter((f) => f.includes(m.folded)),
    }));
  prepared.set(templates, out);
  return out;
}

/** Whether the marker found at `at` in the folded text is part of `longer` there. */
function inside(folded: string, marker: string, at: number, longer: string): boolean {
  for (let k = longer.indexOf(marker); k >= 0; k = longer.indexOf(marker, k + 1)) {
    if (at >= k && folded.startsWith(longer, at - k)) return true;
  }
  return false;
}

/** Templates from newest to oldest (by the first year they apply to). */
export function newestFirst(templates: readonly CompiledTemplate[]): CompiledTemplate[] {
  return [...templates].sort((a, b) => (b.years.from ?? 0) - (a.years.from ?? 0));
}

/** The template a report year calls for. */
export function templateForYear(
  templates: readonly CompiledTemplate[],
  year: number,
): CompiledTemplate | undefined {
  const sorted = newestFirst(templates);
  return (
    sorted.find((t) => (t.years.from ?? -Infinity) <= year && year <= (t.years.to ?? Infinity)) ??
    (year < (sorted.at(-1)?.years.from ?? 0) ? sorted.at(-1) : sorted[0])
  );
}

/** The template with the most markers found; ties go to the newer template. */
export function templateByMarkers(
  templates: readonly CompiledTemplate[],
  hits: readonly MarkerHit[],
): CompiledTemplate | undefined {
  let best: CompiledTemplate | undefined;
  let bestCount = 0;
  for (const t of newestFirst(templates)) {
    const count = hits.filter((h) => h.template === t.id).length;
    if (count > bestCount) [best, bestCount] = [t, count];
  }
  return best;
}

export interface TemplateFinding {
  readonly ruleId: 'template-outdated' | 'template-mixed' | 'template-anachronism';
  readonly range: Range;
  readonly values: Readonly<Record<string, string | number>>;
}

/** What the markers say against the year and against each other. */
export function templateFindings(
  templates: readonly CompiledTemplate[],
  hits: readonly MarkerHit[],
  chosen: CompiledTemplate,
  year: number | null,
): TemplateFinding[] {
  const out: TemplateFinding[] = [];
  const used = newestFirst(templates).filter((t) => hits.some((h) => h.template === t.id));
  const firstHit = (t: CompiledTemplate) => hits.find((h) => h.template === t.id) as MarkerHit;
  if (year !== null) {
    const expected = templateForYear(templates, year);
    for (const t of used) {
      const hit = firstHit(t);
      if (t.years.to !== undefined && year > t.years.to) {
        out.push({
          ruleId: 'template-outdated',
          range: hit.range,
          values: {
            year,
            template: t.id,
            marker: hit.marker,
            found: hit.marker,
            expected: expected?.id ?? '',
          },
        });
      } else if (t.years.from !== undefined && year < t.years.from) {
        out.push({
          ruleId: 'template-anachronism',
          range: hit.range,
          values: {
            year,
            template: t.id,
            from: t.years.from,
            marker: hit.marker,
            found: hit.marker,
          },
        });
      }
    }
  }
  if (used.length > 1) {
    const other = used.find((t) => t.id !== chosen.id) as CompiledTemplate;
    const hit = firstHit(other);
    const own = hits.find((h) => h.template === chosen.id);
    out.push({
      ruleId: 'template-mixed',
      range: hit.range,
      values: {
        templates: used.map((t) => t.id).join('、'),
        marker: hit.marker,
        template: chosen.id,
        found: own?.marker ?? '',
        other: other.id,
        otherFound: hit.marker,
      },
    });
  }
  return out;
}
