/**
 * `cell-non-negative-integer`: a count is a whole number ≥ 0, an amount a
 * number ≥ 0 (spec §5.1). The reader reads what is written; whether it is a
 * possible value is the template's business, by each column's kind.
 */
import type { ReportModel } from '@govlint/report';
import type { TemplateIndex } from '../template-index.js';

type Finding = ReportModel['findings'][number];

export const CELL_KIND_RULE = 'cell-non-negative-integer';

export function cellKindFindings(model: ReportModel, index: TemplateIndex): Finding[] {
  const out: Finding[] = [];
  for (const cell of model.cells) {
    if (cell.status !== 'number' || cell.value === null) continue;
    // A whole number ≥ 0 suits either kind: only the rare other values need their column.
    if (cell.value >= 0 && Number.isInteger(cell.value)) continue;
    const column = index.column(cell.table, cell.column);
    if (!column) continue;
    const isCount = column.kind.type === 'count';
    if (cell.value >= 0 && (!isCount || Number.isInteger(cell.value))) continue;
    const table = index.tables.get(cell.table);
    const row = index.row(cell.table, cell.row);
    out.push({
      ruleId: CELL_KIND_RULE,
      severity: index.rules.get(CELL_KIND_RULE)?.severity ?? 'error',
      message: `“${cell.raw.trim()}”不是${isCount ? '非负整数' : '非负数'}`,
      range: cell.range,
      data: {
        table: table?.title ?? cell.table,
        row: row?.label ?? cell.row,
        column: column.label,
        found: cell.raw.trim(),
      },
    });
  }
  return out;
}
