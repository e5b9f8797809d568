/**
 * Several years of one agency in one run: the built CLI compares each
 * report with the year before (t3-carry-forward), through a config's
 * agency names as well; unrelated reports are left alone.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { govlint, type JsonResult, seed } from './helpers.js';

const seed003 = readFileSync(seed('003'), 'utf8');
const TITLE = '红旗区市场监督管理局 2023 年政府信息公开工作年度报告';
const CARRIED_ON = '| 四、结转下年度继续办理 | | 0 | 0 | 0 | 0 | 0 | 0 | 0 | |';

/** Seed 003 as the report of another year (or agency), with 2 applications carried on. */
function lastYear(agency = '红旗区市场监督管理局'): string {
  return seed003
    .replace(TITLE, `${agency} 2022 年政府信息公开工作年度报告`)
    .replace(CARRIED_ON, '| 四、结转下年度继续办理 | | 2 | 0 | 0 | 0 | 0 | 0 | 2 | |');
}

function run(files: Record<string, string>): JsonResult[] {
  const dir = mkdtempSync(join(tmpdir(), 'govlint-years-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const r = govlint(['--format', 'json', dir]);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as JsonResult[];
}

const carried = (results: JsonResult[], name: string) =>
  results
    .find((r) => r.filePath.endsWith(name))!
    .messages.filter((m) => m.ruleId === 't3-carry-forward')
    .map((m) => `${m.line}:${m.message}`);

describe('cross-year rules in a batch (built CLI)', () => {
  it('reports this year’s 上年结转 against last year’s 结转下年度', () => {
    const results = run({ '2022.txt': lastYear(), '2023.txt': seed003 });
    expect(carried(results, '2023.txt')).toEqual([
      '58:表三“自然人”列：本年上年结转 0 件，但上一年度报告的结转下年度继续办理为 2 件',
      '58:表三“总计”列：本年上年结转 0 件，但上一年度报告的结转下年度继续办理为 2 件',
    ]);
    expect(carried(results, '2022.txt')).toEqual([]);
    const r2023 = results.find((r) => r.filePath.endsWith('2023.txt'))!;
    expect(r2023.warningCount).toBe(
      r2023.messages.filter((m) => m.severity === 1 && !m.info).length,
    );
  });

  it('leaves other agencies alone, and pairs renamed ones through the config', () => {
    const other = run({ '2022.txt': lastYear('红旗区市场监管局'), '2023.txt': seed003 });
    expect(carried(other, '2023.txt')).toEqual([]);
    const config = JSON.stringify({ agencies: { 红旗区市场监管局: '红旗区市场监督管理局' } });
    const mapped = run({
      '2022.txt': lastYear('红旗区市场监管局'),
      '2023.txt': seed003,
      'govlint.config.json': config,
    });
    expect(carried(mapped, '2023.txt')).toHaveLength(2);
  });
});
