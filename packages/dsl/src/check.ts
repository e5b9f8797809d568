/**
 * Semantic checks of a merged template, each reported at the exact name or
 * value that is wrong: unknown sections, tables, rows and columns, duplicate
 * ids, missing or invalid rule properties, type mismatches (counts against
 * amounts in a unit), empty sets, unknown message placeholders, and rules that
 * could never be evaluated.
 */
import type { Range } from '@govlint/text';
import type * as A from './ast.js';
import {
  assertionPlaceholders,
  builtinPlaceholders,
  categories,
  severities,
  textPlaceholders,
} from './builtins.js';
import type { CellKind } from './compiled.js';
import type { Report } from './diagnostics.js';
import { expandAssertion } from './expand.js';
import { viewTable, type TableView, type TemplateModel, type TreeItem } from './model.js';
import type { Env } from './resolve.js';
import { checkTextCheck } from './check-text.js';

export function tableViews(t: TemplateModel): Map<string, TableView> {
  return new Map(t.tables.map((table) => [table.id, viewTable(table)]));
}

export function checkTemplate(
  t: TemplateModel,
  views: ReadonlyMap<string, TableView>,
  report: Report,
): void {
  const { uri, nameRange } = t.origin;
  const where = `模板“${t.id}”`;
  if (!t.title) report(uri, 'dsl-missing-property', `${where}缺少 title`, nameRange);
  if (!t.document) report(uri, 'dsl-missing-property', `${where}缺少 document`, nameRange);
  if (t.years.from === undefined && t.years.to === undefined) {
    report(uri, 'dsl-missing-property', `${where}缺少 years（适用的报告年度）`, nameRange);
  } else if (t.years.from !== undefined && t.years.to !== undefined && t.years.from > t.years.to) {
    report(
      uri,
      'dsl-bad-value',
      `${where}的年度范围 ${t.years.from}..${t.years.to} 为空`,
      nameRange,
    );
  }
  if (t.sections.length === 0)
    report(uri, 'dsl-missing-property', `${where}没有声明任何部分（section）`, nameRange);
  const sectionIds = new Set(t.sections.map((s) => s.id));
  for (const table of t.tables) {
    if (table.section && !sectionIds.has(table.section.id)) {
      report(
        table.section.uri,
        'dsl-unknown-section',
        `没有部分“${table.section.id}”`,
        table.section.range,
      );
    }
    checkTableIds(views.get(table.id)!, report);
  }
  const lexicons = new Set(t.lexicons.map((l) => l.id));
  for (const rule of t.rules) {
    // An inherited rule is checked again against the child's tables; say so,
    // since the error points into the parent's file.
    const inherited: Report = (uri, ruleId, message, range, severity) =>
      report(uri, ruleId, `${message}（在继承此规则的模板“${t.id}”中）`, range, severity);
    checkRule(t, views, lexicons, rule.decl, rule.uri, rule.template === t.id ? report : inherited);
  }
}

function checkTableIds(view: TableView, report: Report): void {
  const { table } = view;
  const rowNames = new Map<string, Range>();
  const claim = (
    names: Map<string, Range>,
    id: string,
    uri: string,
    range: Range,
    what: string,
  ): void => {
    if (names.has(id))
      report(uri, 'dsl-duplicate-id', `表“${table.id}”中${what}“${id}”重复`, range);
    else names.set(id, range);
  };
  if (table.blocks.length > 1) {
    for (const b of table.blocks) claim(rowNames, b.id, b.origin.uri, b.origin.nameRange, '块');
  }
  for (const block of table.blocks) {
    const colNames = new Map<string, Range>();
    const walk = (items: readonly TreeItem[], names: Map<string, Range>, what: string): void => {
      for (const it of items) {
        if (it.id !== undefined) claim(names, it.id, it.origin.uri, it.origin.nameRange, what);
        walk(it.children, names, what);
      }
    };
    walk(block.rows, rowNames, '行');
    walk(block.columns, colNames, '列');
    const where = table.blocks.length > 1 ? `表“${table.id}”的块“${block.id}”` : `表“${table.id}”`;
    if (block.rows.length === 0)
      report(block.origin.uri, 'dsl-empty-table', `${where}没有行`, block.origin.nameRange);
    if (block.columns.length === 0) {
      report(block.origin.uri, 'dsl-empty-table', `${where}没有列`, block.origin.nameRange);
    }
  }
  if (view.rows.length > 1) {
    for (const r of view.rows) {
      if (!r.label)
        report(
          r.origin.uri,
          'dsl-empty-label',
          `行“${r.id}”没有标签：只有单行的表可以不写`,
          r.origin.nameRange,
        );
    }
  }
}

// ---------------------------------------------------------------------------
// Rules

type Props = Partial<Record<A.RuleProperty['key'], A.RuleProperty>>;

export function ruleProperties(decl: A.RuleDecl): Props {
  const props: Props = {};
  for (const p of decl.properties) props[p.key] = p;
  return props;
}

const RULE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function checkRule(
  t: TemplateModel,
  views: ReadonlyMap<string, TableView>,
  lexicons: ReadonlySet<string>,
  decl: A.RuleDecl,
  uri: string,
  report: Report,
): void {
  const id = decl.name.text;
  if (id && !RULE_ID.test(id)) {
    report(
      uri,
      'dsl-bad-rule-id',
      `规则 id“${id}”应为小写英文短横线形式，如 t3-row-total`,
      decl.name.range,
    );
  }
  const props: Props = {};
  for (const p of decl.properties) {
    if (props[p.key]) report(uri, 'dsl-duplicate-property', `规则“${id}”中 ${p.key} 重复`, p.range);
    props[p.key] = p;
  }
  for (const key of ['severity', 'category', 'description', 'message'] as const) {
    if (!props[key]) report(uri, 'dsl-missing-property', `规则“${id}”缺少 ${key}`, decl.name.range);
  }
  const severity = props.severity;
  if (
    severity?.key === 'severity' &&
    !(severities as readonly string[]).includes(severity.value.text)
  ) {
    report(
      uri,
      'dsl-bad-value',
      `严重程度应为 ${severities.join('、')} 之一`,
      severity.value.range,
    );
  }
  const category = props.category;
  if (
    category?.key === 'category' &&
    !(categories as readonly string[]).includes(category.value.text)
  ) {
    report(uri, 'dsl-bad-value', `类别应为 ${categories.join('、')} 之一`, category.value.range);
  }

  let allowed: readonly string[] = [];
  const isBuiltin = props.builtin !== undefined;
  if (isBuiltin) {
    if (decl.checks.length > 0) {
      report(
        uri,
        'dsl-builtin-with-check',
        `内置规则“${id}”的逻辑由引擎实现，不能再写检查式`,
        decl.checks[0]!.range,
      );
    }
    const known = builtinPlaceholders[id];
    if (!known) {
      report(
        uri,
        'dsl-unknown-builtin',
        `引擎没有内置检查“${id}”：此规则永远不会被检查`,
        decl.name.range,
      );
    }
    allowed = known ?? [];
  } else if (decl.checks.length === 0) {
    report(
      uri,
      'dsl-rule-without-check',
      `规则“${id}”既没有检查式也不是 builtin：它永远不会被检查`,
      decl.name.range,
    );
  } else {
    if (decl.checks.length > 1) {
      report(uri, 'dsl-duplicate-check', `规则“${id}”只能有一个检查式`, decl.checks[1]!.range);
    }
    const check = decl.checks[0]!;
    const env: Env = { uri, views, bindings: new Map(), report };
    if (check.kind === 'assert') {
      allowed = checkAssertion(env, check, props.tolerance);
    } else {
      const captures = checkTextCheck(env, t, lexicons, check);
      // A required pattern that is missing has no match to show.
      allowed = check.mode === 'require' ? [] : [...textPlaceholders, ...captures];
    }
  }
  const message = props.message;
  if (message?.key === 'message') checkPlaceholders(uri, message.value, allowed, report);
}

function checkAssertion(
  env: Env,
  a: A.AssertionDecl,
  tolerance: A.RuleProperty | undefined,
): string[] {
  const { instances, kinds } = expandAssertion(env, a);
  checkKinds(env, a.comparison.opRange, kinds);
  const first = instances[0];
  if (first && [first.assert.left, first.assert.right].every((e) => e.terms.length === 0)) {
    env.report(
      env.uri,
      'dsl-constant-assertion',
      '比较式两边都没有单元格：结果与报告无关',
      a.comparison.range,
    );
  }
  if (
    tolerance?.key === 'tolerance' &&
    tolerance.value.value > 0 &&
    kinds.every((k) => k.type === 'count')
  ) {
    env.report(
      env.uri,
      'dsl-tolerance-on-counts',
      '只涉及件数（整数）的规则不需要容差',
      tolerance.range,
      'warning',
    );
  }
  const allowed: string[] = [...assertionPlaceholders];
  for (const q of a.quantifiers) allowed.push(q.variable.text, q.dimension);
  return allowed;
}

function checkKinds(env: Env, at: Range, kinds: readonly CellKind[]): void {
  const shown = new Set(kinds.map((k) => (k.type === 'amount' ? `金额（${k.unit}）` : '件数')));
  if (shown.size > 1) {
    env.report(
      env.uri,
      'dsl-type-mismatch',
      `不能比较或相加不同类型的单元格：${[...shown].join('、')}`,
      at,
    );
  }
}

function checkPlaceholders(
  uri: string,
  s: A.Str,
  allowed: readonly string[],
  report: Report,
): void {
  const re = /\{([^{}]*)\}/g;
  for (let m = re.exec(s.raw); m; m = re.exec(s.raw)) {
    const name = m[1]!;
    if (allowed.includes(name)) continue;
    const start = s.range.start + 1 + m.index;
    const hint = allowed.length
      ? `可用的有：${allowed.map((a) => `{${a}}`).join(' ')}`
      : '此规则没有可用的占位符';
    report(uri, 'dsl-unknown-placeholder', `消息中的占位符“{${name}}”无法填充；${hint}`, {
      start,
      end: start + m[0].length,
    });
  }
}
