/**
 * One report that fires each narrative, text and date rule, and one that
 * does not: small edits of seed 003 (红旗区市场监督管理局 2023, tables of
 * zeros, Markdown layout), so that each case differs from a real report in
 * the one thing the rule is about.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LineIndex, type Severity } from '@govlint/text';
import { createLinter, type ResolvedConfig } from '../index.js';

const seed003 = readFileSync(
  new URL('../../../../../shared/seeds/003_10e3baeb14b029d4.txt', import.meta.url),
  'utf8',
);
const linter = createLinter();

// ---------------------------------------------------------------------------
// Edits of seed 003

type Edit = (text: string) => string;

const replace =
  (from: string, to: string): Edit =>
  (text) => {
    if (!text.includes(from)) throw new Error(`fixture: “${from}” not in the text`);
    return text.replace(from, to);
  };

const ZEROS7 = '| 0 | 0 | 0 | 0 | 0 | 0 | 0 |';

/** Table 三: the row with this label gets NP = TOT = n. */
const t3 =
  (label: string, n: number): Edit =>
  (text) => {
    const start = text.indexOf(label);
    const at = text.indexOf(ZEROS7, start);
    if (start < 0 || at < 0) throw new Error(`fixture: no row ${label}`);
    const row = `| ${n} | 0 | 0 | 0 | 0 | 0 | ${n} |`;
    return text.slice(0, at) + row + text.slice(at + ZEROS7.length);
  };

/** Table 二: one row's cells. */
const t2 = (label: string, ...values: (number | string)[]): Edit => {
  const blanks = label === '行政规范性文件' || label === '规章' ? '' : ' | |';
  const zeros = label === '行政规范性文件' || label === '规章' ? '0 | 0 | 0' : '0';
  return replace(
    `| ${label} | ${zeros}${blanks} |`,
    `| ${label} | ${values.join(' | ')}${blanks} |`,
  );
};

/** Table 四: the 15 values. */
const t4 = (values: Record<number, number>): Edit => {
  const cells = Array.from({ length: 15 }, (_, i) => values[i] ?? 0);
  return replace(`| ${Array(15).fill(0).join(' | ')} |`, `| ${cells.join(' | ')} |`);
};

/** A sentence added to the overview's first sub-section. */
const say = (sentence: string): Edit =>
  replace('2023 年主动公开政府信息 200 余条。', `2023 年主动公开政府信息 200 余条。${sentence}`);

const SIX = '在办理依申请公开工作中，未向申请人收取任何费用。';
const sixSays = (text: string): Edit => replace(SIX, text);

const preamble = (sentence: string): Edit =>
  replace(
    '红旗区市场监督管理局 2023 年政府信息公开工作年度报告\n',
    `红旗区市场监督管理局 2023 年政府信息公开工作年度报告\n\n${sentence}\n`,
  );

const signed =
  (date: string): Edit =>
  (text) =>
    `${text.trimEnd()}\n\n红旗区市场监督管理局\n\n${date}\n`;

const all =
  (...edits: Edit[]): Edit =>
  (text) =>
    edits.reduce((t, e) => e(t), text);

const same: Edit = (text) => text;

// ---------------------------------------------------------------------------
// Cases

interface Case {
  readonly rule: string;
  readonly severity: Severity;
  readonly fires: Edit;
  readonly passes: Edit;
  /** The fired diagnostic's text (its range, or its message) contains this. */
  readonly at?: string;
  readonly config?: ResolvedConfig;
  /** Only this line counts (the seed has other instances elsewhere). */
  readonly line?: number;
}

const PERIOD = '本报告中所列数据统计期限为2023年1月1日至12月31日。';

const cases: readonly Case[] = [
  {
    rule: 'narrative-no-applications',
    severity: 'error',
    fires: t3('一、本年新收政府信息公开申请数量', 1),
    passes: same,
    at: '未收到依申请公开',
  },
  {
    rule: 'narrative-no-applications',
    severity: 'error',
    fires: all(say('全年依申请公开0件。'), t3('一、本年新收政府信息公开申请数量', 2)),
    passes: all(say('全年依申请公开2件。'), t3('一、本年新收政府信息公开申请数量', 2)),
    line: 11,
    at: '依申请公开0件',
  },
  {
    rule: 'narrative-application-count',
    severity: 'warning',
    fires: say('全年共收到政府信息公开申请3件。'),
    passes: all(say('全年共收到政府信息公开申请3件。'), t3('一、本年新收政府信息公开申请数量', 3)),
    at: '收到政府信息公开申请3件',
  },
  {
    rule: 'narrative-application-handled',
    severity: 'warning',
    fires: say('共办理依申请公开2件。'),
    passes: all(say('共办理依申请公开2件。'), t3('二、上年结转政府信息公开申请数量', 2)),
  },
  {
    rule: 'narrative-result-count',
    severity: 'warning',
    fires: say('其中予以公开3件。'),
    passes: all(say('其中予以公开3件。'), t3('(一) 予以公开', 3)),
    at: '予以公开3件',
  },
  {
    rule: 'narrative-all-concluded',
    severity: 'warning',
    fires: all(say('本年度的申请均已按时办结。'), t3('四、结转下年度继续办理', 1)),
    passes: say('本年度的申请均已按时办结。'),
  },
  {
    rule: 'narrative-no-review',
    severity: 'error',
    fires: t4({ 1: 1, 4: 1 }),
    passes: t4({ 6: 1, 9: 1 }),
    at: '未发生依申请公开相关工作的行政复议',
  },
  {
    rule: 'narrative-no-litigation',
    severity: 'error',
    fires: t4({ 6: 1, 9: 1 }),
    passes: t4({ 1: 1, 4: 1 }),
  },
  {
    rule: 'narrative-review-count',
    severity: 'warning',
    fires: say('被申请行政复议2件。'),
    passes: all(say('被申请行政复议2件。'), t4({ 0: 2, 4: 2 })),
  },
  {
    rule: 'narrative-t2-count',
    severity: 'warning',
    fires: say('全年作出行政处罚决定5件。'),
    passes: say('全区作出行政处罚决定5件。'),
    at: '行政处罚决定5件',
  },
  {
    rule: 'narrative-t2-zero-vs-claim',
    severity: 'warning',
    fires: same,
    passes: all(t2('行政许可', 12), t2('行政处罚', 3)),
    at: '公开行政许可',
  },
  {
    rule: 'narrative-sum-of-parts',
    severity: 'warning',
    fires: say('发布信息10条，其中通知5条，公告6条。'),
    passes: say('发布信息11条，其中通知5条，公告6条。'),
  },
  {
    rule: 'narrative-bad-rate',
    severity: 'warning',
    fires: say('抽查结果公示率1652。'),
    passes: say('抽查结果公示率100%。'),
    at: '1652',
  },
  {
    rule: 'fee-statement-missing',
    severity: 'warning',
    fires: sixSays('本年度无其他需要报告的情况说明如下：工作正常开展。'),
    passes: sixSays('本年度未收取信息处理费。'),
  },
  {
    rule: 'fee-statement-contradiction',
    severity: 'error',
    fires: all(
      sixSays('本年度未发出收费通知，未收取信息处理费。'),
      t3('2. 申请人逾期未按收费通知', 1),
    ),
    passes: sixSays('本年度未发出收费通知，未收取信息处理费。'),
    at: '未发出收费通知',
  },
  {
    rule: 'other-matters-empty',
    severity: 'warning',
    fires: sixSays('（无）'),
    passes: same,
  },
  {
    rule: 't3-fee-notice',
    severity: 'warning',
    fires: t3('2. 申请人逾期未按收费通知', 1),
    passes: all(
      t3('2. 申请人逾期未按收费通知', 1),
      sixSays('本年度发出收费通知1件，申请人未缴费。'),
    ),
  },
  {
    rule: 't2-enforcement-all-zero',
    severity: 'warning',
    fires: same,
    passes: t2('行政处罚', 3),
  },
  {
    rule: 't2-fee-magnitude',
    severity: 'warning',
    fires: t2('行政事业性收费', 586000),
    passes: t2('行政事业性收费', 58.6),
    at: '586000',
  },
  {
    rule: 'period-mismatch',
    severity: 'error',
    fires: preamble('本报告中所列数据统计期限为2022年1月1日至12月31日。'),
    passes: preamble(PERIOD),
    at: '2022',
  },
  { rule: 'period-missing', severity: 'info', fires: same, passes: preamble(PERIOD) },
  {
    rule: 'publish-late',
    severity: 'error',
    fires: signed('2024年2月20日'),
    passes: signed('2024年1月20日'),
    at: '2024年2月20日',
  },
  {
    rule: 'publish-late',
    severity: 'error',
    fires: signed('2024年3月20日'),
    passes: signed('2024年2月20日'),
    config: { deadlines: { department: '02-28' } },
  },
  {
    rule: 'publish-too-early',
    severity: 'error',
    fires: signed('2023年12月20日'),
    passes: signed('2024年1月10日'),
  },
  {
    rule: 'publish-date-year',
    severity: 'warning',
    fires: signed('2025年1月10日'),
    passes: signed('2024年1月10日'),
  },
  { rule: 'publish-date-missing', severity: 'info', fires: same, passes: signed('2024年1月10日') },
  {
    rule: 'year-inconsistent',
    severity: 'warning',
    fires: replace('2023 年，红旗区市场监管局贯彻落实', '2022 年，红旗区市场监管局贯彻落实'),
    passes: same,
    at: '2022',
  },
  {
    rule: 'year-inconsistent',
    severity: 'warning',
    fires: preamble('现发布《红旗区市场监督管理局2022年政府信息公开工作年度报告》。'),
    passes: preamble('现发布《红旗区市场监督管理局2023年政府信息公开工作年度报告》。'),
  },
  {
    rule: 'stale-partial-year',
    severity: 'info',
    fires: say('截至目前，共发布消费提示12条。'),
    passes: say('全年共发布消费提示12条。'),
    at: '截至目前',
  },
  {
    rule: 'injected-spam',
    severity: 'error',
    fires: say('紧紧围绕上级威廉希尔政务公开工作的要求。'),
    passes: say('完成电子政务外网IPv6 升级改造。'),
    at: '威廉希尔',
  },
  {
    rule: 'injected-spam',
    severity: 'error',
    fires: say('紧紧围绕上级UedBet体育政务公开工作的要求。'),
    passes: say('见网址 https://www.example.gov.cn/zwgk/ 栏目。'),
    at: 'UedBet',
  },
  {
    // Regression: English prose around quoted Chinese labels is not spam (corpus/README.md).
    rule: 'injected-spam',
    severity: 'error',
    fires: say('上级365bet平台的要求。'),
    passes: say('All its table identities hold, and a correct reader reports no error on “总计”.'),
    at: '365bet',
  },
  {
    rule: 'duplicated-word',
    severity: 'warning',
    fires: say('伊宁市市场监督管理管理局加强保护。'),
    passes: say('领导班子专门研究研究了这项工作，层层压实责任。'),
    at: '管理管理',
  },
  {
    // Regression: a run of one character is not a word typed twice (1 MB of 甲 gave 250 000 findings).
    rule: 'duplicated-word',
    severity: 'warning',
    fires: say('完善完善制度。'),
    passes: say('群众笑声哈哈哈哈不断。'),
    at: '完善完善',
  },
  {
    rule: 'typo-lexicon',
    severity: 'warning',
    fires: say('探索标准正太分布等方式。'),
    passes: say('探索标准正态分布等方式。'),
    at: '正太分布',
  },
  {
    rule: 'outdated-format-citation',
    severity: 'error',
    fires: preamble(
      '依据《中华人民共和国政府信息公开工作年度报告格式（试行）》（国办公开办函〔2019〕60号）编制。',
    ),
    passes: preamble('依据国办公开办函〔2021〕30号编制。'),
  },
  {
    rule: 'section-subheading-format',
    severity: 'warning',
    fires: same,
    passes: all(replace('一存在问题', '（一）存在问题'), replace('二改进情况', '（二）改进情况')),
    at: '一存在问题',
  },
  {
    rule: 'overview-aspect-missing',
    severity: 'warning',
    fires: all(
      replace('（五）监督保障情况', '（五）其他情况'),
      replace(
        '严格按照红旗区政府信息公开考核办法，发现问题及时整改，确保公开工作扎实推进。加大专业知识培训力度，以《条例》为中心，围绕上级制定出台的政府信息公开政策文件，进行学习宣贯培训，提高从业人员整体综合素质。',
        '发现问题及时整改，确保公开工作扎实推进。',
      ),
    ),
    at: '监督保障',
    passes: same,
  },
  {
    rule: 'punctuation-halfwidth',
    severity: 'info',
    fires: say('本局(红旗区)持续推进。'),
    passes: say('本局（红旗区）持续推进。'),
    at: '(',
    line: 11,
  },
];

function lintWith(edit: Edit, config?: ResolvedConfig, line?: number) {
  const text = edit(seed003);
  const result = linter.lint(text, { uri: '003.txt', ...(config ? { config } : {}) });
  const lines = new LineIndex(text);
  return result.diagnostics
    .map((d) => ({
      ...d,
      line: lines.lineColumn(d.range.start).line,
      source: text.slice(d.range.start, d.range.end),
    }))
    .filter((d) => line === undefined || d.line === line);
}

describe.each(cases.map((c, i) => [`${c.rule} #${i}`, c] as const))('%s', (_name, c) => {
  it('fires on a report that breaks it', () => {
    const found = lintWith(c.fires, c.config, c.line).filter((d) => d.ruleId === c.rule);
    expect(found.length, c.rule).toBeGreaterThan(0);
    expect(found[0]!.severity).toBe(c.severity);
    if (c.at)
      expect(found.some((d) => d.source.includes(c.at!) || d.message.includes(c.at!))).toBe(true);
    expect(found[0]!.docsUrl).toBe(
      `https://github.com/govlint/govlint/blob/main/docs/rules/${c.rule}.md`,
    );
  });

  it('is silent on a report that keeps it', () => {
    expect(lintWith(c.passes, c.config, c.line).filter((d) => d.ruleId === c.rule)).toEqual([]);
  });
});

describe('configuration and severities', () => {
  it('turns a rule off, or changes its severity', () => {
    const off = lintWith(same, { rules: { 't2-enforcement-all-zero': 'off' } });
    expect(off.some((d) => d.ruleId === 't2-enforcement-all-zero')).toBe(false);
    const error = lintWith(same, { rules: { 't2-enforcement-all-zero': 'error' } });
    expect(error.find((d) => d.ruleId === 't2-enforcement-all-zero')?.severity).toBe('error');
  });

  it('downgrades fee-statement-missing to info when a waiver is stated', () => {
    const found = lintWith(same).filter((d) => d.ruleId === 'fee-statement-missing');
    expect(found.map((d) => d.severity)).toEqual(['info']);
  });

  it('says which cells a title-scoped finding is about', () => {
    const [d] = lintWith(same).filter((x) => x.ruleId === 't2-enforcement-all-zero');
    expect(d!.line).toBe(42);
    expect(d!.related?.[0]?.message).toContain('红旗区市场监督管理局');
  });
});
