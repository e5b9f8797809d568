/** Seed 002 and what the end-to-end tests look for in it. */
import { readFileSync } from 'node:fs';
import { seedPath, type LspDiagnostic, type TextEdit } from './client.js';

export const seed002 = readFileSync(seedPath('002_84c7f691cd999dc0.txt'), 'utf8');

/** Seed 002's （七）总计 row: the label on line 284 (1-based), its seven values on the lines after it. */
export const totalLabelLine = seed002.split('\n').indexOf('(七)总计 |');
export const totalCellLine = totalLabelLine + 7;

export const rowTotalErrors = (ds: LspDiagnostic[]) => ds.filter((d) => d.code === 't3-row-total');
export const onTotalRow = (d: LspDiagnostic) =>
  d.range.start.line >= totalLabelLine && d.range.end.line <= totalCellLine;

export function rangeEdit(line: number, from: number, to: number, newText: string): TextEdit {
  return { range: { start: { line, character: from }, end: { line, character: to } }, newText };
}

export interface CodeAction {
  title: string;
  kind: string;
  isPreferred?: boolean;
  edit: {
    documentChanges: { textDocument: { uri: string; version: number }; edits: TextEdit[] }[];
  };
}
