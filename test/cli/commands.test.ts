import { describe, expect, it } from 'vitest';
import { ReportModelSchema } from '@govlint/report/model';
import { govlint, seed } from './helpers.js';

describe('govlint rules / parse (built CLI)', () => {
  it('rules lists the catalogue with severities and docs links', () => {
    const text = govlint(['rules']);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/^t3-row-total +error +arithmetic +fix +/m);
    const json = JSON.parse(govlint(['rules', '--json']).stdout) as {
      id: string;
      docsUrl: string;
    }[];
    const ids = json.map((r) => r.id);
    expect(ids).toEqual([...ids].sort());
    for (const id of [
      't3-row-total',
      't3-column-balance',
      'table-rows-missing',
      'unused-disable-directive',
    ]) {
      expect(ids).toContain(id);
    }
    expect(
      json.every(
        (r) => r.docsUrl === `https://github.com/govlint/govlint/blob/main/docs/rules/${r.id}.md`,
      ),
    ).toBe(true);
  });

  it('parse --json prints a model that validates against the report model schema', () => {
    const r = govlint(['parse', '--json', seed('000')]);
    expect(r.status).toBe(0);
    const model = ReportModelSchema.parse(JSON.parse(r.stdout));
    expect(model.year?.value).toBe(2023);
    expect(model.cells.filter((c) => c.table === 'T3')).toHaveLength(175);
  });

  it('parse of a missing file is a usage error', () => {
    expect(govlint(['parse', '--json', 'no-such.txt']).status).toBe(2);
  });
});
