/**
 * The seed oracle (template-spec Appendix A), for the structural and
 * arithmetic rules, with the real packs (@govlint/rules) and the real
 * reader: every error and warning is reported at its evidence lines, the
 * must-not-fire lists hold for the rules that exist, identities that need
 * missing rows are not evaluable, and fixing seed 000 leaves it clean.
 * Narrative, date and text rules belong to a later issue.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LineIndex, type Severity } from '@govlint/text';
import { applyFixes, createLinter } from './index.js';

const seedsDir = new URL('../../../../shared/seeds/', import.meta.url);
const seedFile = (prefix: string) =>
  readdirSync(seedsDir).find((f) => f.startsWith(prefix)) as string;
const readSeed = (prefix: string) => readFileSync(new URL(seedFile(prefix), seedsDir), 'utf8');

const linter = createLinter();
const known = new Set(linter.rules().map((r) => r.id));

interface Expected {
  readonly rule: string;
  readonly severity: Severity;
  /** First and last line of the evidence (1-based); absent when the oracle gives none. */
  readonly lines?: readonly [number, number];
}

interface SeedOracle {
  readonly expect: readonly Expected[];
  readonly mustNotFire: readonly string[];
  readonly notEvaluable?: readonly string[];
}

const oracle: Record<string, SeedOracle> = {
  '000': {
    expect: [
      { rule: 't3-row-total', severity: 'error', lines: [225, 232] },
      { rule: 't3-row-total', severity: 'error', lines: [345, 352] },
      { rule: 't3-column-balance', severity: 'error' },
    ],
    mustNotFire: ['template-outdated', 't3-result-total', 't4-review-total', 'section-missing'],
  },
  '001': {
    expect: [
      { rule: 'table-rows-missing', severity: 'error', lines: [71, 72] },
      { rule: 'section-missing', severity: 'error' },
      { rule: 'table-header-garbled', severity: 'warning', lines: [74, 76] },
      { rule: 'label-variant', severity: 'warning', lines: [47, 47] },
    ],
    notEvaluable: ['t3-column-balance', 't3-result-total'],
    mustNotFire: [
      'template-outdated',
      't4-review-total',
      't4-direct-suit-total',
      't4-suit-after-review-total',
    ],
  },
  '002': {
    expect: [
      { rule: 't3-row-total', severity: 'error', lines: [284, 291] },
      { rule: 't3-result-total', severity: 'error' },
      { rule: 't3-column-balance', severity: 'error' },
      { rule: 'title-missing', severity: 'warning', lines: [1, 1] },
    ],
    mustNotFire: ['template-outdated', 't4-review-total', 't2-issued-vs-valid', 'section-missing'],
  },
  '003': {
    expect: [],
    mustNotFire: [
      'template-outdated',
      't3-row-total',
      't3-column-balance',
      't3-result-total',
      't4-review-total',
      't4-direct-suit-total',
      't4-suit-after-review-total',
      'section-missing',
      'table-cells-missing',
      'table-extra-cells',
    ],
  },
  '004': {
    expect: [
      { rule: 'table-extra-cells', severity: 'error', lines: [72, 72] },
      { rule: 'table-extra-cells', severity: 'error', lines: [73, 73] },
      { rule: 'table-extra-cells', severity: 'error', lines: [74, 74] },
      { rule: 'table-cells-missing', severity: 'error', lines: [81, 81] },
    ],
    mustNotFire: [
      'template-outdated',
      't3-row-total',
      't3-column-balance',
      't3-result-total',
      'section-missing',
    ],
  },
};

function lintSeed(prefix: string) {
  const text = readSeed(prefix);
  const result = linter.lint(text, { uri: seedFile(prefix) });
  const lines = new LineIndex(text);
  const found = result.diagnostics.map((d) => ({
    ...d,
    line: lines.lineColumn(d.range.start).line,
  }));
  return { text, result, found };
}

describe('seed oracle (Appendix A, structural and arithmetic rules)', () => {
  for (const [prefix, o] of Object.entries(oracle)) {
    describe(`seed ${prefix}`, () => {
      const { result, found } = lintSeed(prefix);

      it('is read as a 2023 report in the 2021 template', () => {
        expect(result.template?.id).toBe('gov-2021');
        expect(result.detection.year).toBe(2023);
      });

      it('reports every expected error and warning at its evidence lines', () => {
        const pool = [...found];
        for (const e of o.expect) {
          const hit = pool.findIndex(
            (d) =>
              d.ruleId === e.rule &&
              d.severity === e.severity &&
              (!e.lines || (d.line >= e.lines[0] && d.line <= e.lines[1])),
          );
          expect(
            hit,
            `${e.rule} ${e.severity} at ${e.lines?.join('–') ?? 'any line'}`,
          ).toBeGreaterThanOrEqual(0);
          pool.splice(hit, 1);
        }
      });

      it('reports nothing from the must-not-fire list', () => {
        const fired = found
          .filter(
            (d) => d.severity !== 'info' && o.mustNotFire.includes(d.ruleId) && known.has(d.ruleId),
          )
          .map((d) => `${d.ruleId}@${d.line}`);
        expect(fired).toEqual([]);
      });

      if (o.notEvaluable) {
        it('does not evaluate identities that need missing rows', () => {
          for (const rule of o.notEvaluable ?? []) {
            const e = result.evaluation.find((x) => x.ruleId === rule);
            expect(e?.notEvaluable, rule).toBeGreaterThan(0);
            expect(e?.failed, rule).toBe(0);
            expect(found.some((d) => d.ruleId === rule)).toBe(false);
          }
        });
      }
    });
  }

  it('reports no error on seed 003', () => {
    expect(lintSeed('003').found.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('spells out the arithmetic and the root cause on seed 000', () => {
    const { found } = lintSeed('000');
    const grand = found.find((d) => d.ruleId === 't3-row-total' && d.line >= 345);
    expect(grand?.message).toContain('六类申请人之和为 2');
    expect(grand?.message).toContain('2+0+0+0+0+0');
    expect(grand?.message).toContain(
      '可能的根源：“1.本机关不掌握相关政府信息”行“总计”栏填 0，应为 2',
    );
    const balance = found.find((d) => d.ruleId === 't3-column-balance');
    expect(balance?.data).toMatchObject({ left: 2, right: 0, bindings: { column: '总计' } });
    expect(balance?.related?.map((r) => r.message)).toHaveLength(4);
  });

  it('fixes seeds 000 and 002 so that a second lint finds nothing fixable and no arithmetic error', () => {
    for (const prefix of ['000', '002']) {
      const { text, result } = lintSeed(prefix);
      const fixed = applyFixes(
        text,
        result.diagnostics.flatMap((d) => (d.fix ? [d.fix] : [])),
      );
      expect(fixed.applied.length).toBeGreaterThan(0);
      const again = linter.lint(fixed.text, { uri: prefix });
      expect(again.diagnostics.filter((d) => d.fix)).toEqual([]);
      expect(again.diagnostics.filter((d) => d.ruleId.startsWith('t3-'))).toEqual([]);
    }
  });
});
