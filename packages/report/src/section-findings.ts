/**
 * Findings about the six sections: missing, out of order or renumbered,
 * written in a variant wording, empty, and a second top-level numbering
 * sequence inside the report (sub-topics numbered `一、二、三、`).
 */
import type { CompiledTemplate } from '@govlint/dsl';
import type { Range } from '@govlint/text';
import type { Findings } from './findings.js';
import { fold } from './fold.js';
import type { Lines } from './lines.js';
import { isTopLevelNumbering, ordinalOf, splitNumbering } from './numbering.js';
import type { FoundSection } from './sections.js';

export function sectionFindings(
  text: string,
  lines: Lines,
  template: CompiledTemplate,
  sections: readonly FoundSection[],
  tableRanges: readonly Range[],
  findings: Findings,
): void {
  const found = new Map(sections.map((s) => [s.decl, s]));
  template.sections.forEach((decl, i) => {
    if (found.has(decl)) return;
    const next = template.sections
      .slice(i + 1)
      .map((d) => found.get(d))
      .find((s) => s !== undefined);
    const at = next ? next.start : text.length;
    findings.add(
      'section-missing',
      { start: at, end: at },
      `缺少第${decl.order + 1}部分“${decl.heading}”`,
      {
        section: decl.id,
        heading: decl.heading,
      },
    );
  });
  let highest: FoundSection | null = null;
  for (const s of sections) {
    const written = text.slice(s.start, s.end).trim();
    if (s.renumbered) {
      findings.add(
        'section-order',
        s,
        `标题“${written}”的编号与模板“${s.decl.heading}”不符（编号错位）`,
        {
          section: s.decl.id,
          found: written,
          expected: s.decl.heading,
        },
      );
    } else if (highest && s.decl.order < highest.decl.order) {
      findings.add('section-order', s, `“${s.decl.heading}”应在“${highest.decl.heading}”之前`, {
        section: s.decl.id,
        found: written,
        expected: s.decl.heading,
        after: highest.decl.heading,
      });
    } else if (s.match !== 'exact') {
      findings.add(
        'section-heading-variant',
        s,
        `标题“${written}”与模板“${s.decl.heading}”措辞不同`,
        {
          section: s.decl.id,
          found: written,
          expected: s.decl.heading,
        },
      );
    }
    if (!highest || s.decl.order > highest.decl.order) highest = s;
  }
  const withTables = new Set(template.tables.map((t) => t.section));
  sections.forEach((s, i) => {
    if (withTables.has(s.decl.id)) return;
    const end = sections[i + 1]?.start ?? text.length;
    if (fold(text.slice(s.end, Math.min(end, s.end + 2000))).length === 0) {
      findings.add('section-empty', s, `“${s.decl.heading}”下没有内容`, {
        section: s.decl.id,
        heading: s.decl.heading,
      });
    }
  });
  numberingDuplicate(text, lines, sections, tableRanges, findings);
}

const TOP_LEVEL_START = /^[\s#*>]*[一二三四五六七八九十]+[、.．]/u;

function numberingDuplicate(
  text: string,
  lines: Lines,
  sections: readonly FoundSection[],
  tableRanges: readonly Range[],
  findings: Findings,
): void {
  const first = sections[0];
  if (!first) return;
  const inTable = (o: number) => tableRanges.some((r) => r.start <= o && o < r.end);
  const isHeading = (o: number) => sections.some((s) => s.start <= o && o < s.end + 1);
  let sequenceStart: { range: Range; section: number } | null = null;
  for (let n = 0; n < lines.starts.length; n++) {
    const start = lines.starts[n] as number;
    const end = lines.ends[n] as number;
    if (start < first.start || end - start > 200) continue;
    if (!TOP_LEVEL_START.test(text.slice(start, start + 16)) || inTable(start) || isHeading(start))
      continue;
    const f = fold(text.slice(start, end)).replace(/^[#*>]+/u, '');
    const { numbering, body } = splitNumbering(f);
    if (
      !isTopLevelNumbering(numbering) ||
      body.length === 0 ||
      body.length > 40 ||
      /[。；]/u.test(body)
    )
      continue;
    const section = sections.filter((s) => s.start <= start).length;
    const ordinal = ordinalOf(numbering);
    if (ordinal === 1) sequenceStart = { range: { start, end }, section };
    else if (ordinal === 2 && sequenceStart && sequenceStart.section === section) {
      findings.add(
        'section-numbering-duplicate',
        sequenceStart.range,
        `正文中出现第二套“一、二、…”顶级编号（“${text.slice(start, end).trim()}”等），与六个部分的编号冲突`,
        { found: text.slice(sequenceStart.range.start, sequenceStart.range.end).trim() },
      );
      sequenceStart = null;
    }
  }
}
