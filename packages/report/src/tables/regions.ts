/**
 * Where each table is: from its section's heading (or, when the section is
 * missing, from the line of its first anchor) to the next heading or the
 * next table.
 */
import type { Folded } from '../fold.js';
import { type Lines, lineOf } from '../lines.js';
import type { FoundSection } from '../sections.js';
import type { PreparedTable } from './prepare.js';

export interface Region {
  readonly table: PreparedTable;
  readonly start: number;
  end: number;
  /** The table's section was found; `start` is the end of its heading. */
  readonly section: FoundSection | null;
}

export function tableRegions(
  text: string,
  lines: Lines,
  whole: () => Folded,
  tables: readonly PreparedTable[],
  sections: readonly FoundSection[],
): Region[] {
  const nextHeading = (after: number): number =>
    sections.find((s) => s.start >= after)?.start ?? text.length;
  const regions: Region[] = [];
  for (const table of tables) {
    const section = sections.find((s) => s.decl.id === table.decl.section) ?? null;
    if (section) {
      regions.push({ table, start: section.end, end: nextHeading(section.end), section });
      continue;
    }
    // A cheap look in the raw text first: an anchor's ideographs are unchanged by folding.
    if (!table.anchorRuns.some((run) => text.includes(run))) continue;
    let at = -1;
    for (const a of table.anchors) {
      const i = whole().folded.indexOf(a);
      if (i >= 0 && (at < 0 || i < at)) at = i;
    }
    if (at < 0) continue;
    const start = lines.starts[lineOf(lines, whole().offsets[at] as number)] as number;
    regions.push({ table, start, end: nextHeading(start + 1), section: null });
  }
  regions.sort((a, b) => a.start - b.start);
  for (let i = 0; i + 1 < regions.length; i++) {
    const next = regions[i + 1] as Region;
    const r = regions[i] as Region;
    if (next.start < r.end) r.end = Math.max(r.start, next.start);
  }
  return regions;
}
