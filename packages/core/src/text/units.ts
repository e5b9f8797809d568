/**
 * The stretches of text a text check looks at (its scope and unit): the
 * narrative's sentences or paragraphs, a section's whole body, or the title.
 * A match must fit inside one unit, so that a denial and a table term never join
 * words from two sentences.
 */
import type { TextCheck } from '@govlint/dsl';
import type { ReportModel } from '@govlint/report';
import type { Range } from '@govlint/text';

export function textUnits(model: ReportModel, text: string, scope: TextCheck['scope']): Range[] {
  if (scope.title) return titleUnits(model, text);
  if (scope.unit === 'section') {
    const sections = scope.section
      ? model.sections.filter((s) => s.id === scope.section)
      : model.sections;
    if (sections.length === 0 && !scope.section) return [{ start: 0, end: text.length }];
    return sections.map((s) => s.bodyRange);
  }
  const paragraphs = scope.section
    ? model.paragraphs.filter((p) => p.section === scope.section)
    : model.paragraphs;
  if (scope.unit === 'paragraph') return paragraphs.map((p) => p.range);
  // A loop, not flatMap: flatMap takes V8's slow generic path, and this runs per report.
  const sentences: Range[] = [];
  for (const p of paragraphs) for (const s of p.sentences) sentences.push(s);
  return sentences;
}

/** The title; without one, the agency the signature names (its last mention). */
function titleUnits(model: ReportModel, text: string): Range[] {
  if (model.title) return [model.title.range];
  if (!model.agency) return [];
  const at = text.lastIndexOf(model.agency);
  return at >= 0 ? [{ start: at, end: at + model.agency.length }] : [];
}

/** The section a scope names, for placing a `require` finding on its heading. */
export function scopeSection(model: ReportModel, scope: TextCheck['scope']) {
  return scope.section ? model.sections.find((s) => s.id === scope.section) : undefined;
}
