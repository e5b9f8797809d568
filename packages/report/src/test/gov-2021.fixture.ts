/**
 * A hand-built CompiledTemplate for the V2021 format, transcribed from
 * template-spec.md Appendix B, for testing the reader before (and besides)
 * the real pack compiled from rules/gov-2021. Only what the reader needs is
 * filled in with care: sections, tables, labels, aliases, and the
 * arithmetic identities whose instances the flattened-text reader uses.
 */
import type {
  AssertionInstance,
  BlockDecl,
  CellRef,
  ColumnDecl,
  CompiledRule,
  CompiledTemplate,
  LinearExpr,
  RowDecl,
  TableDecl,
} from '@govlint/dsl';

const count = { type: 'count' } as const;

function column(
  id: string,
  label: string,
  groups: string[] = [],
  aliases: string[] = [],
): ColumnDecl {
  return { id, label, aliases, groups, kind: count };
}

function row(id: string, label: string, path: string[] = [], leaf = false): RowDecl {
  return { id, label, aliases: [], path, leaf };
}

const sections = [
  ['一', '一、总体情况', []],
  ['二', '二、主动公开政府信息情况', []],
  ['三', '三、收到和处理政府信息公开申请情况', []],
  [
    '四',
    '四、政府信息公开行政复议、行政诉讼情况',
    ['因政府信息公开工作被申请行政复议和提起行政诉讼情况'],
  ],
  [
    '五',
    '五、存在的主要问题及改进情况',
    [
      '五、存在主要问题及改进情况',
      '五、政府信息公开工作存在的主要问题及改进情况',
      '五、存在问题及改进情况',
    ],
  ],
  ['六', '六、其他需要报告的事项', []],
] as const;

const t2: TableDecl = {
  id: 'T2',
  title: '主动公开政府信息情况',
  section: '二',
  anchors: ['第二十条第（一）项'],
  blocks: [
    {
      id: '一',
      anchors: ['第二十条第（一）项'],
      columns: [
        column('制发', '本年制发件数'),
        column('废止', '本年废止件数'),
        column('有效', '现行有效件数'),
      ],
      rows: [row('规章', '规章'), row('行政规范性文件', '行政规范性文件')],
    },
    {
      id: '五',
      anchors: ['第二十条第（五）项'],
      columns: [column('决定', '本年处理决定数量')],
      rows: [row('行政许可', '行政许可')],
    },
    {
      id: '六',
      anchors: ['第二十条第（六）项'],
      columns: [column('决定', '本年处理决定数量')],
      rows: [row('行政处罚', '行政处罚'), row('行政强制', '行政强制')],
    },
    {
      id: '八',
      anchors: ['第二十条第（八）项'],
      columns: [
        {
          id: '金额',
          label: '本年收费金额（单位：万元）',
          aliases: [],
          groups: [],
          kind: { type: 'amount', unit: '万元' },
        },
      ],
      rows: [row('行政事业性收费', '行政事业性收费')],
    },
  ],
};

const applicant = '申请人情况';
const legal = '法人或其他组织';
export const T3_COLUMNS = ['NP', 'BE', 'RI', 'PW', 'LS', 'OT', 'TOT'] as const;
const t3Columns: ColumnDecl[] = [
  column('NP', '自然人', [applicant]),
  column('BE', '商业企业', [applicant, legal]),
  column('RI', '科研机构', [applicant, legal]),
  column('PW', '社会公益组织', [applicant, legal]),
  column('LS', '法律服务机构', [applicant, legal]),
  column('OT', '其他', [applicant, legal]),
  column('TOT', '总计', [applicant]),
];

const results = '三、本年度办理结果';
const g3 = [results, '（三）不予公开'];
const g4 = [results, '（四）无法提供'];
const g5 = [results, '（五）不予处理'];
const g6 = [results, '（六）其他处理'];
const t3Rows: RowDecl[] = [
  row('一', '一、本年新收政府信息公开申请数量'),
  row('二', '二、上年结转政府信息公开申请数量'),
  row('三.一', '（一）予以公开', [results], true),
  row('三.二', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', [results], true),
  row('三.三.1', '1.属于国家秘密', g3, true),
  row('三.三.2', '2.其他法律行政法规禁止公开', g3, true),
  row('三.三.3', '3.危及“三安全一稳定”', g3, true),
  row('三.三.4', '4.保护第三方合法权益', g3, true),
  row('三.三.5', '5.属于三类内部事务信息', g3, true),
  row('三.三.6', '6.属于四类过程性信息', g3, true),
  row('三.三.7', '7.属于行政执法案卷', g3, true),
  row('三.三.8', '8.属于行政查询事项', g3, true),
  row('三.四.1', '1.本机关不掌握相关政府信息', g4, true),
  row('三.四.2', '2.没有现成信息需要另行制作', g4, true),
  row('三.四.3', '3.补正后申请内容仍不明确', g4, true),
  row('三.五.1', '1.信访举报投诉类申请', g5, true),
  row('三.五.2', '2.重复申请', g5, true),
  row('三.五.3', '3.要求提供公开出版物', g5, true),
  row('三.五.4', '4.无正当理由大量反复申请', g5, true),
  row('三.五.5', '5.要求行政机关确认或重新出具已获取信息', g5, true),
  row('三.六.1', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', g6, true),
  row(
    '三.六.2',
    '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    g6,
    true,
  ),
  row('三.六.3', '3.其他', g6, true),
  row('三.七', '（七）总计', [results]),
  row('四', '四、结转下年度继续办理'),
];

const t3: TableDecl = {
  id: 'T3',
  title: '收到和处理政府信息公开申请情况',
  section: '三',
  anchors: ['本列数据的勾稽关系', '本年新收政府信息公开申请数量'],
  blocks: [{ id: 'T3', anchors: [], columns: t3Columns, rows: t3Rows }],
};

const t4Groups = [
  ['RV', ['行政复议']],
  ['LD', ['行政诉讼', '未经复议直接起诉']],
  ['LR', ['行政诉讼', '复议后起诉']],
] as const;
const t4Results = [
  ['维持', '结果维持'],
  ['纠正', '结果纠正'],
  ['其他', '其他结果'],
  ['未结', '尚未审结'],
  ['总计', '总计'],
] as const;
export const T4_COLUMNS = t4Groups.flatMap(([g]) => t4Results.map(([c]) => `${g}.${c}`));
const t4: TableDecl = {
  id: 'T4',
  title: '政府信息公开行政复议、行政诉讼情况',
  section: '四',
  anchors: ['未经复议直接起诉', '复议后起诉'],
  blocks: [
    {
      id: 'T4',
      anchors: [],
      columns: t4Groups.flatMap(([g, groups]) =>
        t4Results.map(([c, label]) => column(`${g}.${c}`, label, [...groups])),
      ),
      rows: [row('案件', '')],
    },
  ],
};

// ---------------------------------------------------------------------------
// Rules: the identities (expanded, as the compiler does) and a few builtins.

const cell = (table: string, r: string, c: string): CellRef => ({ table, row: r, column: c });
const sum = (cells: CellRef[]): LinearExpr => ({
  terms: cells.map((c) => ({ coefficient: 1, cell: c })),
  constant: 0,
});
const equal = (
  left: CellRef[],
  right: CellRef[],
  bindings: Record<string, string>,
): AssertionInstance => ({
  bindings,
  assert: { op: '=', left: sum(left), right: sum(right) },
  ...(left.length === 1 ? { fixCell: left[0] } : {}),
});

function assertion(id: string, message: string, instances: AssertionInstance[]): CompiledRule {
  return {
    id,
    severity: 'error',
    category: 'arithmetic',
    description: id,
    message,
    docs: '',
    source: { uri: 'fixture', start: 0, end: 0 },
    check: { kind: 'assert', instances, tolerance: 0 },
  };
}

function builtin(id: string, severity: CompiledRule['severity'], message: string): CompiledRule {
  return {
    id,
    severity,
    category: 'structure',
    description: id,
    message,
    docs: '',
    source: { uri: 'fixture', start: 0, end: 0 },
    check: { kind: 'builtin' },
  };
}

const six = T3_COLUMNS.slice(0, 6);
const leaves = t3Rows.filter((r) => r.leaf).map((r) => r.id);
const rules: CompiledRule[] = [
  assertion(
    't3-row-total',
    '表三“{row}”行：六类申请人之和为 {right}，但“总计”列填写 {left}',
    t3Rows.map((r) =>
      equal(
        [cell('T3', r.id, 'TOT')],
        six.map((c) => cell('T3', r.id, c)),
        { row: r.label },
      ),
    ),
  ),
  assertion(
    't3-result-total',
    '表三“{column}”列：各项办理结果之和为 {right}，但“（七）总计”填写 {left}',
    T3_COLUMNS.map((c) =>
      equal(
        [cell('T3', '三.七', c)],
        leaves.map((r) => cell('T3', r, c)),
        { column: c },
      ),
    ),
  ),
  assertion(
    't3-column-balance',
    '表三“{column}”列：第一项加第二项 {left} ≠ 第三项加第四项 {right}',
    T3_COLUMNS.map((c) =>
      equal(
        [cell('T3', '一', c), cell('T3', '二', c)],
        [cell('T3', '三.七', c), cell('T3', '四', c)],
        {
          column: c,
        },
      ),
    ),
  ),
  ...t4Groups.map(([g], i) =>
    assertion(
      ['t4-review-total', 't4-direct-suit-total', 't4-suit-after-review-total'][i] as string,
      '表四：{left} ≠ {right}',
      [
        equal(
          [cell('T4', '案件', `${g}.总计`)],
          t4Results.slice(0, 4).map(([c]) => cell('T4', '案件', `${g}.${c}`)),
          {},
        ),
      ],
    ),
  ),
  builtin('table-missing', 'error', '{table}缺失'),
  builtin('table-rows-missing', 'error', '{table}缺少 {count} 行：{rows}'),
  builtin('table-cells-missing', 'error', '{table}“{rowLabel}”行缺少单元格：{cells}'),
  builtin(
    'table-extra-cells',
    'error',
    '{table}“{rowLabel}”行有 {found} 个数值，应为 {expected} 个',
  ),
  builtin('label-variant', 'info', '标签“{found}”应为“{expected}”'),
  builtin('cell-blank', 'info', '空白单元格按 0 计'),
];

export const gov2021: CompiledTemplate = {
  id: 'gov-2021',
  title: '中华人民共和国政府信息公开工作年度报告格式',
  document: '国办公开办函〔2021〕30号',
  years: { from: 2021 },
  markers: ['本年制发件数', '本年废止件数', '现行有效件数', '本年处理决定数量', '行政规范性文件'],
  sections: sections.map(([id, heading, variants], order) => ({
    id,
    heading,
    variants: [...variants],
    order,
  })),
  tables: [t2, t3, t4],
  rules,
  lexicons: {},
};

/** Every block of the fixture, for renderers. */
export const blocksOf = (t: TableDecl): readonly BlockDecl[] => t.blocks;
