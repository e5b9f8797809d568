/**
 * A small compiled template for unit tests, shaped like the real gov-2021
 * pack (labels from template-spec §3–§4): two T3 rows and the total row, the
 * seven applicant columns, and table 四 with its column groups.
 */
import type { CompiledTemplate, ColumnDecl, RowDecl } from '@govlint/dsl';

const applicantColumns: ColumnDecl[] = [
  ['NP', '自然人', []],
  ['BE', '商业企业', ['法人或其他组织']],
  ['RI', '科研机构', ['法人或其他组织']],
  ['PW', '社会公益组织', ['法人或其他组织']],
  ['LS', '法律服务机构', ['法人或其他组织']],
  ['OT', '其他', ['法人或其他组织']],
  ['TOT', '总计', []],
].map(([id, label, groups]) => ({
  id: id as string,
  label: label as string,
  aliases: [],
  groups: ['申请人情况', ...(groups as string[])],
  kind: { type: 'count' },
}));

const rows: RowDecl[] = [
  {
    id: '三.四.1',
    label: '1.本机关不掌握相关政府信息',
    aliases: [],
    path: ['三、本年度办理结果', '（四）无法提供'],
    leaf: true,
  },
  {
    id: '三.四.2',
    label: '2.没有现成信息需要另行制作',
    aliases: [],
    path: ['三、本年度办理结果', '（四）无法提供'],
    leaf: true,
  },
  { id: '三.七', label: '（七）总计', aliases: [], path: ['三、本年度办理结果'], leaf: false },
];

const reviewColumns: ColumnDecl[] = ['RV', 'LR'].flatMap((group) =>
  ['维持', '总计'].map((c) => ({
    id: `${group}.${c}`,
    label: c === '维持' ? '结果维持' : '总计',
    aliases: [],
    groups: group === 'RV' ? ['行政复议'] : ['行政诉讼', '复议后起诉'],
    kind: { type: 'count' as const },
  })),
);

const sixColumns = ['NP', 'BE', 'RI', 'PW', 'LS', 'OT'];

export const fixtureTemplate: CompiledTemplate = {
  id: 'gov-2021',
  title: '中华人民共和国政府信息公开工作年度报告格式',
  document: '国办公开办函〔2021〕30号',
  years: { from: 2021 },
  markers: [],
  sections: [],
  tables: [
    {
      id: 'T3',
      title: '收到和处理政府信息公开申请情况',
      section: '三',
      anchors: [],
      blocks: [{ id: 'T3', anchors: [], columns: applicantColumns, rows }],
    },
    {
      id: 'T4',
      title: '政府信息公开行政复议、行政诉讼情况',
      section: '四',
      anchors: [],
      blocks: [
        {
          id: 'T4',
          anchors: [],
          columns: reviewColumns,
          rows: [{ id: '一', label: '', aliases: [], path: [], leaf: true }],
        },
      ],
    },
  ],
  rules: [
    {
      id: 't3-row-total',
      severity: 'error',
      category: 'arithmetic',
      description: '每行“总计”等于六类申请人之和',
      message: '',
      docs: '',
      source: { uri: 'govlint-rules:/gov-2021/t3.govlint', start: 0, end: 0 },
      check: {
        kind: 'assert',
        tolerance: 0,
        instances: rows.map((row) => ({
          bindings: { row: row.label },
          assert: {
            op: '=',
            left: {
              terms: [{ coefficient: 1, cell: { table: 'T3', row: row.id, column: 'TOT' } }],
              constant: 0,
            },
            right: {
              terms: sixColumns.map((column) => ({
                coefficient: 1,
                cell: { table: 'T3', row: row.id, column },
              })),
              constant: 0,
            },
          },
          fixCell: { table: 'T3', row: row.id, column: 'TOT' },
        })),
      },
    },
  ],
  lexicons: {},
};
