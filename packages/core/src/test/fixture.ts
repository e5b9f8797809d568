/**
 * Test fixtures built by hand against the contracts (compiled.ts, model.ts):
 * the applications table (T3) and the review/litigation table (T4) of the
 * 2021 template with their identities expanded the way the DSL compiler
 * expands them, and a tiny reader for a one-row-per-line tab layout, so that
 * the evaluator can be tested (fixes re-read included) independently of the
 * real compiler and reader.
 */
import type {
  AssertionInstance,
  CellRef,
  CompiledRule,
  CompiledTemplate,
  LinearExpr,
  RowDecl,
  TableDecl,
} from '@govlint/dsl';
import type { Severity } from '@govlint/text';

export const T3_COLUMNS = [
  ['NP', '自然人'],
  ['BE', '商业企业'],
  ['RI', '科研机构'],
  ['PW', '社会公益组织'],
  ['LS', '法律服务机构'],
  ['OT', '其他'],
  ['TOT', '总计'],
] as const;

export const T3_ROWS: readonly (readonly [string, string])[] = [
  ['一', '一、本年新收政府信息公开申请数量'],
  ['二', '二、上年结转政府信息公开申请数量'],
  ['三.一', '（一）予以公开'],
  ['三.二', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'],
  ['三.三.1', '1.属于国家秘密'],
  ['三.三.2', '2.其他法律行政法规禁止公开'],
  ['三.三.3', '3.危及“三安全一稳定”'],
  ['三.三.4', '4.保护第三方合法权益'],
  ['三.三.5', '5.属于三类内部事务信息'],
  ['三.三.6', '6.属于四类过程性信息'],
  ['三.三.7', '7.属于行政执法案卷'],
  ['三.三.8', '8.属于行政查询事项'],
  ['三.四.1', '1.本机关不掌握相关政府信息'],
  ['三.四.2', '2.没有现成信息需要另行制作'],
  ['三.四.3', '3.补正后申请内容仍不明确'],
  ['三.五.1', '1.信访举报投诉类申请'],
  ['三.五.2', '2.重复申请'],
  ['三.五.3', '3.要求提供公开出版物'],
  ['三.五.4', '4.无正当理由大量反复申请'],
  ['三.五.5', '5.要求行政机关确认或重新出具已获取信息'],
  ['三.六.1', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
  ['三.六.2', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
  ['三.六.3', '3.其他'],
  ['三.七', '（七）总计'],
  ['四', '四、结转下年度继续办理'],
];

const LEAVES = T3_ROWS.map(([id]) => id).filter((id) => id.startsWith('三.') && id !== '三.七');

export const T4_COLUMNS = ['RV', 'LD', 'LR'].flatMap((g) =>
  ['维持', '纠正', '其他', '未结', '总计'].map((c) => `${g}.${c}`),
);

const cell = (table: string, row: string, column: string): CellRef => ({ table, row, column });
const sum = (cells: readonly CellRef[]): LinearExpr => ({
  terms: cells.map((c) => ({ coefficient: 1, cell: c })),
  constant: 0,
});
const one = (c: CellRef): LinearExpr => sum([c]);
const rowLabel = new Map(T3_ROWS);
const columnLabel = new Map<string, string>(T3_COLUMNS);

function rule(
  id: string,
  message: string,
  instances: AssertionInstance[],
  severity: Severity = 'error',
): CompiledRule {
  return {
    id,
    severity,
    category: 'arithmetic',
    description: `${id} description`,
    message,
    docs: '',
    source: { uri: 'test:rules', start: 0, end: 0 },
    check: { kind: 'assert', instances, tolerance: 0 },
  };
}

function builtin(id: string, severity: Severity, message: string): CompiledRule {
  return {
    id,
    severity,
    category: 'structure',
    description: `${id} description`,
    message,
    docs: '',
    source: { uri: 'test:rules', start: 0, end: 0 },
    check: { kind: 'builtin' },
  };
}

const SIX = T3_COLUMNS.slice(0, 6).map(([id]) => id);

export const rowTotal = rule(
  't3-row-total',
  '表三“{row}”行：六类申请人之和为 {right}，“总计”栏填 {left}（{right.terms}≠{left}）',
  T3_ROWS.map(([r]) => ({
    bindings: { row: rowLabel.get(r) as string },
    assert: {
      op: '=',
      left: one(cell('T3', r, 'TOT')),
      right: sum(SIX.map((c) => cell('T3', r, c))),
    },
    fixCell: cell('T3', r, 'TOT'),
  })),
);

export const resultTotal = rule(
  't3-result-total',
  '表三“{column}”列：各项办理结果之和为 {right}，“（七）总计”行填 {left}（{right.terms}≠{left}）',
  T3_COLUMNS.map(([c]) => ({
    bindings: { column: columnLabel.get(c) as string },
    assert: {
      op: '=',
      left: one(cell('T3', '三.七', c)),
      right: sum(LEAVES.map((r) => cell('T3', r, c))),
    },
    fixCell: cell('T3', '三.七', c),
  })),
);

export const columnBalance = rule(
  't3-column-balance',
  '表三“{column}”列：第一项加第二项之和为 {left}（{left.terms}），第三项加第四项之和为 {right}（{right.terms}）',
  T3_COLUMNS.map(([c]) => ({
    bindings: { column: columnLabel.get(c) as string },
    assert: {
      op: '=',
      left: sum([cell('T3', '一', c), cell('T3', '二', c)]),
      right: sum([cell('T3', '三.七', c), cell('T3', '四', c)]),
    },
  })),
);

export const reviewTotal = rule(
  't4-review-total',
  '表四行政复议：总计填 {left}，各项之和为 {right}（{right.terms}）',
  [
    {
      bindings: {},
      assert: {
        op: '=',
        left: one(cell('T4', 'v', 'RV.总计')),
        right: sum(['维持', '纠正', '其他', '未结'].map((c) => cell('T4', 'v', `RV.${c}`))),
      },
      fixCell: cell('T4', 'v', 'RV.总计'),
    },
  ],
);

const t3: TableDecl = {
  id: 'T3',
  title: '收到和处理政府信息公开申请情况',
  section: '三',
  anchors: ['本列数据的勾稽关系'],
  blocks: [
    {
      id: 'T3',
      anchors: [],
      columns: T3_COLUMNS.map(([id, label]) => ({
        id,
        label,
        aliases: [],
        groups: [],
        kind: { type: 'count' },
      })),
      rows: T3_ROWS.map(([id, label]): RowDecl => ({
        id,
        label,
        aliases: [],
        path: [],
        leaf: LEAVES.includes(id),
      })),
    },
  ],
};

const t4: TableDecl = {
  id: 'T4',
  title: '政府信息公开行政复议、行政诉讼情况',
  section: '四',
  anchors: ['复议后起诉'],
  blocks: [
    {
      id: 'T4',
      anchors: [],
      columns: T4_COLUMNS.map((id) => ({
        id,
        label: (id.split('.')[1] as string) === '总计' ? '总计' : (id.split('.')[1] as string),
        aliases: [],
        groups: [
          id.startsWith('RV')
            ? '行政复议'
            : id.startsWith('LD')
              ? '未经复议直接起诉'
              : '复议后起诉',
        ],
        kind: { type: 'count' },
      })),
      rows: [{ id: 'v', label: '', aliases: [], path: [], leaf: true }],
    },
  ],
};

const builtins = [
  builtin('table-rows-missing', 'error', '{table}缺少 {count} 行：{rows}'),
  builtin('label-variant', 'info', '标签“{found}”与模板“{expected}”不完全一致'),
  builtin('cell-blank', 'info', '空白单元格按 0 计算'),
];

function template(
  id: string,
  years: CompiledTemplate['years'],
  markers: string[],
  rules: CompiledRule[],
): CompiledTemplate {
  return {
    id,
    title: '中华人民共和国政府信息公开工作年度报告格式',
    document: '国办公开办函〔2021〕30号',
    years,
    markers,
    sections: [],
    tables: [t3, t4],
    rules: [...rules, ...builtins],
    lexicons: {},
  };
}

export const template2021 = template(
  'test-2021',
  { from: 2021 },
  ['本年制发件数', '现行有效件数'],
  [rowTotal, resultTotal, columnBalance, reviewTotal],
);

/** An older template with the same tables (enough for detection tests). */
export const template2019 = template(
  'test-2019',
  { from: 2019, to: 2020 },
  ['本年新制作数量', '对外公开总数量'],
  [rowTotal, resultTotal, columnBalance, reviewTotal],
);

export const testPack = { templates: [template2021, template2019] };
