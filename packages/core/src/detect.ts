/**
 * Which template a report is written in (spec §7.2): the markers each
 * template declares (labels only it uses), falling back on the report year.
 * Also the findings about it: an outdated template for the year, a mix of
 * two templates, a template used before it existed.
 */
import type { CompiledTemplate } from '@govlint/dsl';
import { type Range, foldLabel, foldWithOffsets } from '@govlint/text';

export interface MarkerHit {
  readonly template: string;
  readonly marker: string;
  readonly range: Range;
}

/** CJK ideographs are unchanged by label folding, so they can be searched raw. */
const NOT_CJK = /[^\p{Script=Han}]+/u;

/**
 * Where each template's markers occur (first occurrence per marker). Labels
 * are compared folded (full-width and half-width forms alike, spaces and
 * decoration ignored); to stay fast on large texts, a marker's longest run
 * of ideographs is searched raw first and only the text around each hit is
 * folded to confirm the whole marker. An occurrence inside a longer marker
 * of another template does not count (`X` inside `YX`).
 */
export function scanMarkers(text: string, templates: readonly CompiledTemplate[]): MarkerHit[] {
  const all: MarkerHit[] = [];
  for (const t of templates) {
    for (const marker of t.markers) {
      for (const range of occurrences(text, marker)) all.push({ template: t.id, marker, range });
    }
  }
  const kept: MarkerHit[] = [];
  const seen = new Set<string>();
  for (const hit of all) {
    const key = `${hit.template}\u0000${hit.marker}`;
    if (seen.has(key)) continue;
    const inside = all.some(
      (o) =>
        o.template !== hit.template &&
        o.range.start <= hit.range.start &&
        o.range.end >= hit.range.end &&
        o.range.end - o.range.start > hit.range.end - hit.range.start,
    );
    if (inside) continue;
    seen.add(key);
    kept.push(hit);
  }
  return kept.sort((a, b) => a.range.start - b.range.start);
}

function occurrences(text: string, marker: string): Range[] {
  const folded = foldLabel(marker);
  if (!folded) return [];
  const anchor = folded.split(NOT_CJK).reduce((a, b) => (b.length > a.length ? b : a), '');
  const out: Range[] = [];
  if (anchor.length < 2) {
    for (let at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + 1))
      out.push({ start: at, end: at + marker.length });
    return out;
  }
  // Room around the anchor for the rest of the marker, written loosely.
  const margin = 3 * folded.length + 8;
  for (let at = text.indexOf(anchor); at >= 0; at = text.indexOf(anchor, at + anchor.length)) {
    const from = Math.max(0, at - margin);
    const window = foldWithOffsets(text, from, Math.min(text.length, at + anchor.length + margin));
    for (let m = window.folded.indexOf(folded); m >= 0; m = window.folded.indexOf(folded, m + 1)) {
      const start = window.sourceOffsets[m] as number;
      const last = window.sourceOffsets[m + folded.length - 1] as number;
      if (start <= at && last >= at) {
        const width = (text.codePointAt(last) as number) > 0xffff ? 2 : 1;
        out.push({ start, end: last + width });
        break;
      }
    }
  }
  return out;
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
