/** Folding ranges: each section from its heading to the line before the next, and each table. */
import type { ReportModel } from '@govlint/report';
import type { LineIndex, Range } from '@govlint/text';
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import type { LintSnapshot } from '../lint-state.js';

/** The last line that holds text of `range` (an end at a line start belongs to the line before). */
function lastLine(index: LineIndex, range: Range): number {
  const end = index.positionAt(range.end);
  return end.character === 0 && range.end > range.start ? end.line - 1 : end.line;
}

function fold(index: LineIndex, range: Range): FoldingRange | undefined {
  const startLine = index.positionAt(range.start).line;
  const endLine = lastLine(index, range);
  return endLine > startLine ? { startLine, endLine, kind: FoldingRangeKind.Region } : undefined;
}

export function reportFoldingRanges(model: ReportModel, index: LineIndex): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  for (const section of model.sections) {
    const folded = fold(index, { start: section.headingRange.start, end: section.bodyRange.end });
    if (folded) ranges.push(folded);
  }
  for (const table of model.tables) {
    const folded = fold(index, table.range);
    if (folded) ranges.push(folded);
  }
  return ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}

export function foldingRanges(snapshot: LintSnapshot): FoldingRange[] {
  const { model } = snapshot.result;
  return model ? reportFoldingRanges(model, snapshot.index) : [];
}
