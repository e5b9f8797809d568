import { compilePack } from '@govlint/dsl';
import type { ReportModel } from '@govlint/report';
import { builtinPacks } from '@govlint/rules';
import { describe, expect, it } from 'vitest';
import { rulesInvolving } from './cell-rules.js';

const pack = compilePack(builtinPacks.flatMap((p) => p.files)).pack!;
const template = pack.templates.find((t) => t.id === 'gov-2021')!;

/** 上年结转 = 2 and 结转下年度 = 2 in one report: only last year's 四 would tell. */
const model: ReportModel = {
  uri: 'file:///r.txt',
  template: 'gov-2021',
  length: 100,
  isReport: true,
  title: null,
  agency: null,
  year: null,
  dates: [],
  sections: [],
  tables: [],
  cells: ['二', '四'].map((row, i) => ({
    table: 'T3',
    row,
    column: 'NP',
    value: 2 + i,
    status: 'number' as const,
    raw: String(2 + i),
    range: { start: i * 10, end: i * 10 + 1 },
  })),
  paragraphs: [],
  findings: [],
};

describe('cell hover and cross-report rules', () => {
  it('never evaluates a cross-report rule on one document', () => {
    expect(template.rules.some((r) => r.id === 't3-carry-forward')).toBe(true);
    const ids = rulesInvolving(template, model, { table: 'T3', row: '二', column: 'NP' }).map(
      (r) => r.rule.id,
    );
    expect(ids).toContain('t3-column-balance');
    expect(ids).not.toContain('t3-carry-forward');
  });
});
