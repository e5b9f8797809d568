/**
 * Which template a report is written in (spec §7.2): the markers each
 * template declares (labels only it uses), falling back on the report year.
 * Also the findings about it: an outdated template for the year, a mix of
 * two templates, a template used before it existed.
 */
import type { CompiledTemplate } from '@govlint/dsl';
import { type Range, foldLabel, foldWithOffsets } from '@govlint/text';
import { indexLiterals, type LiteralIndex, type Needles, needlesOf } from './text/literal-index.js';

export interface MarkerHit {
  readonly template: string;
  readonly marker: string;
  readonly range: Range;
}

/** CJK ideographs are unchanged by label folding, so they can be searched raw. */
const NOT_CJK = /[^\p{Script=Han}]+/u;

/**
 * Where each template's markers occur (the first occurrence of each).
 * Labels are compared folded (full-width and half-width forms alike, spaces
 * and decoration ignored); to stay fast on large texts, a marker's longest
 * run of ideographs is searched raw and only the text around a hit is
 * folded to confirm the whole marker. An occurrence inside a longer marker
 * of another template does not count (`X` inside `YX`).
 */
export function scanMarkers(text: string, templates: readonly CompiledTemplate[]): MarkerHit[] {
  const hits: MarkerHit[] = [];
  const { markers, anchors } = preparedMarkers(templates);
  // Most markers are absent: one pass finds every anchor, instead of a scan per marker.
  const found = indexLiterals(text, anchors);
  for (const m of markers) {
    for (const range of occurrences(text, m, found)) {
      if (m.containing.some((longer) => around(text, longer, range.start, range.end))) continue;
      hits.push({ template: m.template, marker: m.marker, range });
      break;
    }
  }
  return hits.sort((a, b) => a.range.start - b.range.start);
}

interface PreparedMarker {
  readonly template: string;
  readonly marker: string;
  readonly folded: string;
  /** The longest run of ideographs, searched raw (it may be written with spaces inside: then missed). */
  readonly anchor: string;
  /** Other templates' markers that contain this one, folded. */
  readonly containing: readonly string[];
}

interface PreparedMarkers {
  readonly markers: readonly PreparedMarker[];
  readonly anchors: Needles;
}

const prepared = new WeakMap<readonly CompiledTemplate[], PreparedMarkers>();

function preparedMarkers(templates: readonly CompiledTemplate[]): PreparedMarkers {
  const cached = prepared.get(templates);
  if (cached) return cached;
  const all = templates.flatMap((t) =>
    t.markers.map((marker) => ({ template: t.id, marker, folded: foldLabel(marker) })),
  );
  const markers = all
    .filter((m) => m.folded.length > 0)
    .map((m) => ({
      ...m,
      anchor: m.folded.split(NOT_CJK).reduce((a, b) => (b.length > a.length ? b : a), ''),
      containing: all
        .filter((o) => o.template !== m.template && o.folded.length > m.folded.length)
        .map((o) => o.folded)
        .filter((f) => f.includes(m.folded)),
    }));
  const out = {
    markers,
    anchors: needlesOf(markers.map((m) => m.anchor).filter((a) => a.length >= 2)),
  };
  prepared.set(templates, out);
  return out;
}

/** Occurrences of a marker, lazily, in text order. */
function* occurrences(
  text: string,
  { marker, folded, anchor }: PreparedMarker,
  found: LiteralIndex,
): Generator<Range> {
  if (anchor.length < 2) {
    for (let at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + 1))
      yield { start: at, end: at + marker.length };
    return;
  }
  let next = 0; // occurrences do not overlap
  for (const at of found.positions(anchor)) {
    if (at < next) continue;
    next = at + anchor.length;
    const range = around(text, folded, at, at + anchor.length);
    if (range) yield range;
  }
}

/** The folded marker in the text around [from, to), covering it, if there. */
function around(text: string, folded: string, from: number, to: number): Range | null {
  // Room around the anchor for the rest of the marker, written loosely.
  const margin = 3 * folded.length + 8;
  const window = foldWithOffsets(
    text,
    Math.max(0, from - margin),
    Math.min(text.length, to + margin),
  );
  for (let m = window.folded.indexOf(folded); m >= 0; m = window.folded.indexOf(folded, m + 1)) {
    const start = window.sourceOffsets[m] as number;
    const last = window.sourceOffsets[m + folded.length - 1] as number;
    if (start <= from && last >= to - 1) {
      const width = (text.codePointAt(last) as number) > 0xffff ? 2 : 1;
      return { start, end: last + width };
    }
  }
  return null;
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
