/**
 * The seed oracle (template-spec Appendix A and §9) for the narrative,
 * date and text rules: every listed error and warning at its line, the
 * must-not-fire lists, and the “checks that must pass” of §9.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LineIndex, type Diagnostic, type Severity } from '@govlint/text';
import { createLinter } from '../index.js';

const seedsDir = new URL('../../../../../shared/seeds/', import.meta.url);
const seedFile = (prefix: string) =>
  readdirSync(seedsDir).find((f) => f.startsWith(prefix)) as string;
const readSeed = (prefix: string) => readFileSync(new URL(seedFile(prefix), seedsDir), 'utf8');

const linter = createLinter();

interface Expected {
  readonly id: string;
  readonly rule: string;
  readonly severity: Severity;
  /** The evidence lines (1-based); absent when the oracle gives none. */
  readonly lines?: readonly number[];
  /** Text the diagnostic's range or message must contain. */
  readonly text?: string;
}

interface SeedOracle {
  readonly expect: readonly Expected[];
  readonly mustNotFire: readonly string[];
}

/** The rules of this issue, as Appendix A lists them. */
const oracle: Record<string, SeedOracle> = {
  '000': {
    expect: [
      { id: '000-4', rule: 'narrative-bad-rate', severity: 'warning', lines: [12], text: '1652' },
    ],
    mustNotFire: [
      'narrative-no-applications',
      'narrative-no-review',
      'narrative-no-litigation',
      'fee-statement-missing',
      'injected-spam',
      'overview-aspect-missing',
    ],
  },
  '001': {
    expect: [
      {
        id: '001-6',
        rule: 'narrative-sum-of-parts',
        severity: 'warning',
        lines: [19],
        text: '137',
      },
      { id: '001-7', rule: 'duplicated-word', severity: 'warning', lines: [19], text: '管理管理' },
      {
        id: '001-8',
        rule: 'typo-lexicon',
        severity: 'warning',
        lines: [17],
        text: '双随机，一公开',
      },
      { id: '001-9', rule: 'overview-aspect-missing', severity: 'warning', text: '依申请公开' },
    ],
    mustNotFire: ['publish-late', 'fee-statement-missing', 'injected-spam'],
  },
  '002': {
    expect: [
      { id: '002-4', rule: 'narrative-no-review', severity: 'error', lines: [9] },
      { id: '002-5', rule: 'injected-spam', severity: 'error', lines: [3], text: 'UedBet' },
      { id: '002-6', rule: 'typo-lexicon', severity: 'warning', lines: [12], text: '正太分布' },
      { id: '002-8', rule: 'other-matters-empty', severity: 'warning', lines: [346], text: '(无)' },
      { id: '002-9a', rule: 'overview-aspect-missing', severity: 'warning', text: '政府信息管理' },
      { id: '002-9b', rule: 'overview-aspect-missing', severity: 'warning', text: '监督保障' },
    ],
    mustNotFire: ['narrative-no-litigation'],
  },
  '003': {
    expect: [
      { id: '003-1', rule: 't2-enforcement-all-zero', severity: 'warning', lines: [42] },
      { id: '003-2', rule: 'narrative-t2-zero-vs-claim', severity: 'warning', lines: [23] },
      { id: '003-3a', rule: 'section-subheading-format', severity: 'warning', lines: [93] },
      { id: '003-3b', rule: 'section-subheading-format', severity: 'warning', lines: [97] },
    ],
    mustNotFire: [
      'narrative-no-applications',
      'narrative-no-review',
      'narrative-no-litigation',
      'overview-aspect-missing',
      'injected-spam',
    ],
  },
  '004': {
    expect: [
      {
        id: '004-4',
        rule: 'typo-lexicon',
        severity: 'warning',
        lines: [21],
        text: '财政预决算法治政府建设',
      },
    ],
    mustNotFire: [
      'narrative-no-applications',
      'fee-statement-missing',
      'injected-spam',
      'narrative-sum-of-parts',
    ],
  },
};

/** Notable info-level entries of §9 (not exhaustive: other notices may appear). */
const notices: readonly (Expected & { readonly seed: string })[] = [
  {
    seed: '000',
    id: '000-6',
    rule: 'punctuation-halfwidth',
    severity: 'info',
    lines: [6],
    text: '<',
  },
  { seed: '000', id: '000-7', rule: 'publish-date-missing', severity: 'info' },
  { seed: '001', id: '001-10', rule: 'section-subheading-format', severity: 'info', lines: [23] },
  {
    seed: '001',
    id: '001-11',
    rule: 'stale-partial-year',
    severity: 'info',
    lines: [19],
    text: '今年',
  },
  { seed: '001', id: '001-12', rule: 'period-missing', severity: 'info' },
  { seed: '002', id: '002-8', rule: 'fee-statement-missing', severity: 'info' },
  { seed: '002', id: '002-11', rule: 'period-missing', severity: 'info' },
  { seed: '003', id: '003-4', rule: 'fee-statement-missing', severity: 'info' },
  { seed: '003', id: '003-5', rule: 'publish-date-missing', severity: 'info' },
  { seed: '004', id: '004-5', rule: 'publish-date-missing', severity: 'info' },
];

interface Located extends Diagnostic {
  readonly line: number;
  readonly source: string;
}

function lintSeed(prefix: string): Located[] {
  const text = readSeed(prefix);
  const lines = new LineIndex(text);
  return linter.lint(text, { uri: seedFile(prefix) }).diagnostics.map((d) => ({
    ...d,
    line: lines.lineColumn(d.range.start).line,
    source: text.slice(d.range.start, d.range.end),
  }));
}

describe('seed oracle: narrative, date and text rules', () => {
  for (const [prefix, o] of Object.entries(oracle)) {
    describe(`seed ${prefix}`, () => {
      const found = lintSeed(prefix);

      it.each(o.expect.map((e) => [e.id, e] as const))('reports %s', (_id, e) => {
        expect(hits(found, e), `${e.rule} at ${e.lines?.join(',') ?? 'any line'}`).toBe(1);
      });

      it('reports nothing from the must-not-fire list', () => {
        const fired = found
          .filter((d) => d.severity !== 'info' && o.mustNotFire.includes(d.ruleId))
          .map((d) => `${d.ruleId}@${d.line}: ${d.message}`);
        expect(fired).toEqual([]);
      });
    });
  }
});

describe('notable notices of §9', () => {
  it.each(notices.map((n) => [n.id, n] as const))('reports %s', (_id, n) => {
    expect(hits(lintSeed(n.seed), n)).toBeGreaterThan(0);
  });
});

/** How many diagnostics match an oracle entry. */
function hits(found: readonly Located[], e: Expected): number {
  return found.filter(
    (d) =>
      d.ruleId === e.rule &&
      d.severity === e.severity &&
      (!e.lines || e.lines.includes(d.line)) &&
      (!e.text || d.source.includes(e.text) || d.message.includes(e.text)),
  ).length;
}

describe('§9 checks that must pass', () => {
  const narrative = (found: readonly Located[]) =>
    found.filter((d) => d.ruleId.startsWith('narrative-') && d.severity !== 'info');

  it('000: 共办理依申请公开2件, 不掌握信息2件, 回复依申请公开2条, 行政处罚 295 and the 1921篇次 sum agree', () => {
    const found = lintSeed('000');
    expect(narrative(found).map((d) => `${d.ruleId}@${d.line}`)).toEqual(['narrative-bad-rate@12']);
  });

  it('001: 不合格率1.47% and 47条 = 8+12+3+24 raise nothing', () => {
    const found = lintSeed('001');
    expect(
      found.filter((d) => d.line === 15 || d.line === 23).filter((d) => d.severity !== 'info'),
    ).toEqual([]);
  });

  it('004: 行政许可信息24条 agrees with T2, and the 75条 list sums', () => {
    const found = lintSeed('004');
    expect(narrative(found)).toEqual([]);
  });

  it('003: 未收到依申请公开 and 未发生…行政复议和行政诉讼 agree with the tables', () => {
    const found = lintSeed('003');
    expect(found.filter((d) => d.line === 15)).toEqual([]);
  });
});
