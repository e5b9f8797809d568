/**
 * The outline of a report: its sections, in document order, with the
 * tables each one holds. Names are the headings as written and the tables'
 * names from the template.
 */
import type { CompiledTemplate } from '@govlint/dsl';
import type { ReportModel } from '@govlint/report';
import type { LineIndex } from '@govlint/text';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { tableName } from '../cell-names.js';
import { toLspRange } from '../convert.js';
import type { LintSnapshot } from '../lint-state.js';

type Table = ReportModel['tables'][number];

function tableSymbol(
  table: Table,
  template: CompiledTemplate | null,
  index: LineIndex,
): DocumentSymbol {
  const decl = template?.tables.find((t) => t.id === table.id);
  const range = toLspRange(index, table.range);
  return {
    name: decl ? tableName(decl) : table.id,
    detail: decl && tableName(decl) !== decl.title ? decl.title : '',
    kind: SymbolKind.Struct,
    range,
    selectionRange: range,
  };
}

export function reportSymbols(
  model: ReportModel,
  template: CompiledTemplate | null,
  index: LineIndex,
): DocumentSymbol[] {
  const sections = [...model.sections].sort((a, b) => a.headingRange.start - b.headingRange.start);
  const tables = [...model.tables].sort((a, b) => a.range.start - b.range.start);
  const claimed = new Set<Table>();
  const symbols: DocumentSymbol[] = sections.map((section) => {
    const start = section.headingRange.start;
    const end = Math.max(section.bodyRange.end, section.headingRange.end);
    const children = tables
      .filter((t) => t.range.start >= start && t.range.end <= end)
      .map((t) => {
        claimed.add(t);
        return tableSymbol(t, template, index);
      });
    return {
      name: section.heading.trim() || section.id,
      kind: SymbolKind.Module,
      range: toLspRange(index, { start, end }),
      selectionRange: toLspRange(index, section.headingRange),
      children,
    };
  });
  // A table outside every section (its heading is missing) still belongs in the outline.
  for (const table of tables)
    if (!claimed.has(table)) symbols.push(tableSymbol(table, template, index));
  return symbols.sort(
    (a, b) =>
      a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
}

export function documentSymbols(snapshot: LintSnapshot): DocumentSymbol[] {
  const { model, template } = snapshot.result;
  return model ? reportSymbols(model, template, snapshot.index) : [];
}
