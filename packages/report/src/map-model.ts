/** Moves every range of a model read from an HTML view back to the HTML source. */
import type { Range } from '@govlint/text';
import type { ReportModel } from './model.js';

export function mapModel(
  model: ReportModel,
  view: { offsets: Int32Array; ends: Int32Array },
): ReportModel {
  const last = view.offsets.length - 1;
  const clamp = (i: number): number => Math.max(0, Math.min(i, last));
  const at = (i: number): number => view.offsets[clamp(i)] as number;
  const map = (r: Range): Range => ({
    start: at(r.start),
    end:
      r.end > r.start ? Math.max(at(r.start), view.ends[clamp(r.end - 1)] as number) : at(r.start),
  });
  return {
    ...model,
    title: model.title && { ...model.title, range: map(model.title.range) },
    year: model.year && { ...model.year, range: map(model.year.range) },
    dates: model.dates.map((d) => ({ ...d, range: map(d.range) })),
    sections: model.sections.map((s) => ({
      ...s,
      headingRange: map(s.headingRange),
      bodyRange: map(s.bodyRange),
    })),
    tables: model.tables.map((t) => ({
      ...t,
      range: map(t.range),
      rows: t.rows.map((r) => ({ ...r, labelRange: map(r.labelRange) })),
    })),
    cells: model.cells.map((c) => ({ ...c, range: map(c.range) })),
    paragraphs: model.paragraphs.map((p) => ({
      ...p,
      range: map(p.range),
      sentences: p.sentences.map(map),
    })),
    findings: model.findings.map((f) => ({ ...f, range: map(f.range) })),
  };
}
