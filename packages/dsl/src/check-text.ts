/**
 * Narrative (text) checks: the section and lexicons they name, their
 * numeric captures, and the `expect` comparison of captures with cells.
 */
import type * as A from './ast.js';
import type { CellRef, TextCondition } from './compiled.js';
import { condition } from './expand.js';
import type { TemplateModel } from './model.js';
import { cellRows, resolveColumns, tableView, type Env } from './resolve.js';

/** Largest gap a pattern may skip: keeps matching linear and patterns local. */
export const MAX_GAP = 200;

/** Checks a text check; returns the names of its captures (usable as placeholders). */
export function checkTextCheck(
  env: Env,
  t: TemplateModel,
  lexicons: ReadonlySet<string>,
  c: A.TextCheckDecl,
): string[] {
  if (c.section && !t.sections.some((s) => s.id === c.section!.text)) {
    env.report(env.uri, 'dsl-unknown-section', `没有部分“${c.section.text}”`, c.section.range);
  }
  const captures = new Set<string>();
  const checkPatterns = (patterns: readonly A.PatternSeq[]): Set<string> => {
    const names = new Set<string>();
    for (const p of patterns) {
      const own: string[] = [];
      collectCaptures(env, p, lexicons, own);
      if (
        p.elements.length > 0 &&
        p.elements.every((e) => e.kind === 'gap' || e.kind === 'optional')
      ) {
        env.report(
          env.uri,
          'dsl-empty-pattern',
          '模式可以匹配空文本：至少需要一段必须出现的文字',
          p.range,
        );
      }
      for (const n of own) names.add(n);
    }
    return names;
  };
  if (c.mode === 'require') checkPatterns(c.patterns);
  // Each clause's `expect` sees the captures of its own patterns only.
  for (const clause of c.clauses) {
    const own = checkPatterns(clause.patterns);
    if (clause.expect) textCondition(env, clause.expect, own);
    for (const n of own) captures.add(n);
  }
  checkPatterns(c.unless);
  if (c.when) {
    refusePrevious(env, c.when);
    condition(env, c.when, []);
  }
  return c.mode === 'require' ? [] : [...captures];
}

/** A text check runs on one report: its `when` cannot read the previous year's. */
function refusePrevious(env: Env, c: A.ConditionExpr): void {
  if (c.kind === 'not') return refusePrevious(env, c.operand);
  if (c.kind !== 'compare') return c.operands.forEach((o) => refusePrevious(env, o));
  for (const t of [...c.comparison.left.terms, ...c.comparison.right.terms]) {
    const ref = t.atom.kind === 'sum' ? t.atom.cells : t.atom;
    if (ref.kind === 'cell' && ref.previous)
      env.report(
        env.uri,
        'dsl-bad-value',
        '文字检查不能引用上一年度报告（previous）',
        t.atom.range,
      );
  }
}

/** An `expect` condition: comparisons of captures, cells and numbers, joined by and/or/not. */
export function textCondition(
  env: Env,
  c: A.ConditionExpr,
  captures: ReadonlySet<string>,
): TextCondition | undefined {
  if (c.kind === 'compare') {
    const left = textExpr(env, c.comparison.left, captures);
    const right = textExpr(env, c.comparison.right, captures);
    return left && right
      ? { kind: 'compare', comparison: { op: c.comparison.op, left, right } }
      : undefined;
  }
  if (c.kind === 'not') {
    const inner = textCondition(env, c.operand, captures);
    return inner ? { kind: 'not', operand: inner } : undefined;
  }
  const operands = c.operands.map((o) => textCondition(env, o, captures));
  return operands.every((o) => o)
    ? { kind: c.kind, operands: operands as TextCondition[] }
    : undefined;
}

function collectCaptures(
  env: Env,
  seq: A.PatternSeq,
  lexicons: ReadonlySet<string>,
  out: string[],
): void {
  for (const e of seq.elements) {
    switch (e.kind) {
      case 'number':
        if (out.includes(e.name.text)) {
          env.report(
            env.uri,
            'dsl-duplicate-id',
            `同一模式中数字“${e.name.text}”重复`,
            e.name.range,
          );
        } else out.push(e.name.text);
        break;
      case 'gap':
        if (e.min > e.max || e.max > MAX_GAP) {
          env.report(env.uri, 'dsl-bad-value', `gap 的范围应为 0..${MAX_GAP} 内从小到大`, e.range);
        }
        break;
      case 'lexicon':
        if (!lexicons.has(e.name.text)) {
          env.report(env.uri, 'dsl-unknown-lexicon', `没有词表“${e.name.text}”`, e.name.range);
        }
        break;
      case 'literal':
        if (!e.value.value)
          env.report(env.uri, 'dsl-empty-pattern', '模式中的文字不能为空', e.range);
        break;
      case 'optional':
        collectCaptures(env, e.body, lexicons, out);
        break;
      case 'alt':
        for (const o of e.options) collectCaptures(env, o, lexicons, out);
        break;
    }
  }
}

export interface TextExprParts {
  readonly terms: { coefficient: number; cell: CellRef }[];
  readonly captures: { coefficient: number; capture: string }[];
  constant: number;
}

/** A side of `expect`: cells (single cells only), captures and numbers. */
export function textExpr(
  env: Env,
  e: A.LinearExprAst,
  captures: ReadonlySet<string>,
): TextExprParts | undefined {
  const out: TextExprParts = { terms: [], captures: [], constant: 0 };
  let ok = true;
  for (const t of e.terms) {
    const k = t.sign * t.factor;
    const a = t.atom;
    if (a.kind === 'number') out.constant += k * a.value;
    else if (a.kind === 'capture') {
      if (!captures.has(a.name.text)) {
        env.report(
          env.uri,
          'dsl-unknown-capture',
          `模式中没有名为“${a.name.text}”的数字`,
          a.name.range,
        );
        ok = false;
      } else out.captures.push({ coefficient: k, capture: a.name.text });
    } else {
      const ref = a.kind === 'sum' ? a.cells : a;
      if (ref.previous) {
        env.report(env.uri, 'dsl-bad-value', '文字检查不能引用上一年度报告（previous）', a.range);
        ok = false;
        continue;
      }
      const view = tableView(env, ref.table);
      const rows = view && cellRows(env, view, ref);
      if (!view || !rows) {
        ok = false;
        continue;
      }
      for (const row of rows) {
        const cols = resolveColumns(env, view, ref.column, row.block);
        if (!cols) {
          ok = false;
          continue;
        }
        for (const col of cols)
          out.terms.push({
            coefficient: k,
            cell: { table: view.table.id, row: row.id, column: col.id },
          });
      }
    }
  }
  return ok ? out : undefined;
}
