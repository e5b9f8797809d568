/**
 * Hover on a table cell: its canonical name, its value as read, and each
 * arithmetic rule that involves it with the numbers it computes.
 */
import { NEGATED_OP, type CellRef, type CompiledTemplate } from '@govlint/dsl';
import type { ReportModel } from '@govlint/report';
import { MarkupKind, type Hover } from 'vscode-languageserver';
import { cellName, relativeCellName, sameCell } from '../cell-names.js';
import {
  rulesInvolving,
  textRulesInvolving,
  type ExprValue,
  type RuleInvolvement,
} from '../cell-rules.js';
import type { Diagnostic } from '@govlint/text';
import { toLspRange } from '../convert.js';
import type { LintSnapshot } from '../lint-state.js';

type Cell = ReportModel['cells'][number];

/** The cell at `offset`, end inclusive so the cursor just after a number still hits it. */
export function cellAt(model: ReportModel, offset: number): Cell | undefined {
  return model.cells.find((cell) => cell.range.start <= offset && offset <= cell.range.end);
}

function formatNumber(value: number | null): string {
  return value === null ? '？' : String(value);
}

/** Sums longer than this list their non-zero terms and count the zeros. */
const MAX_TERMS = 6;

function formatExpr(template: CompiledTemplate, expr: ExprValue, from: CellRef): string {
  const long = expr.terms.length > MAX_TERMS;
  const shown = expr.terms.filter((t) => !long || t.value !== 0 || sameCell(t.cell, from));
  const parts = shown.map((term, i) => {
    const magnitude = Math.abs(term.coefficient);
    const sign = term.coefficient < 0 ? (i === 0 ? '−' : ' − ') : i === 0 ? '' : ' + ';
    const factor = magnitude === 1 ? '' : `${magnitude} × `;
    const name = sameCell(term.cell, from)
      ? '**本格**'
      : relativeCellName(template, term.cell, from);
    return `${sign}${factor}${name} ${formatNumber(term.value)}`;
  });
  const zeros = expr.terms.length - shown.length;
  if (zeros > 0) parts.push(`${parts.length ? ' + ' : ''}其余 ${zeros} 项（均为 0）`);
  if (expr.constant !== 0 || expr.terms.length === 0) {
    const sign = expr.constant < 0 ? ' − ' : ' + ';
    parts.push(`${parts.length ? sign : expr.constant < 0 ? '−' : ''}${Math.abs(expr.constant)}`);
  }
  return parts.join('');
}

function formatInvolvement(
  template: CompiledTemplate,
  item: RuleInvolvement,
  from: CellRef,
): string {
  const left = formatExpr(template, item.left, from);
  const right = formatExpr(template, item.right, from);
  const mark = item.holds === null ? '？' : item.holds ? '✓' : '✗';
  const verdict =
    item.holds === null
      ? '无法计算（缺少单元格）'
      : `${formatNumber(item.left.value)} ${item.holds ? item.op : NEGATED_OP[item.op]} ${formatNumber(item.right.value)}`;
  return `- ${mark} \`${item.rule.id}\` ${item.rule.description}：${left} ${item.op} ${right}；${verdict}`;
}

const statusNote: Record<Cell['status'], string> = {
  number: '',
  blank: '（空白，按 0 计算）',
  'non-numeric': '（非数字，按 0 计算）',
  missing: '（缺失）',
};

export function cellHoverMarkdown(
  template: CompiledTemplate,
  model: ReportModel,
  cell: Cell,
  diagnostics: readonly Diagnostic[] = [],
): string {
  const ref: CellRef = { table: cell.table, row: cell.row, column: cell.column };
  const lines = [
    `**${cellName(template, ref)}**`,
    '',
    `值：${formatNumber(cell.value)}${statusNote[cell.status]}`,
  ];
  const involved = rulesInvolving(template, model, ref);
  const narrative = textRulesInvolving(template, ref);
  if (involved.length || narrative.length) {
    lines.push('', '相关规则：');
    for (const item of involved) lines.push(formatInvolvement(template, item, ref));
    // The text's numbers are only known to the lint run: show its verdict, not a computation.
    for (const rule of narrative) {
      const found = diagnostics.find((d) => d.ruleId === rule.id);
      const verdict = found ? `✗ ${found.message}` : '✓ 正文与本格一致或未提及';
      lines.push(`- \`${rule.id}\` ${rule.description}：${verdict}`);
    }
  }
  return lines.join('\n');
}

export function hoverAt(snapshot: LintSnapshot, offset: number): Hover | null {
  const { model, template } = snapshot.result;
  if (!model || !template) return null;
  const cell = cellAt(model, offset);
  if (!cell) return null;
  return {
    contents: {
      kind: MarkupKind.Markdown,
      value: cellHoverMarkdown(template, model, cell, snapshot.result.diagnostics),
    },
    range: toLspRange(snapshot.index, cell.range),
  };
}
