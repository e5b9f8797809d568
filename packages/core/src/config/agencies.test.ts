import { describe, expect, it } from 'vitest';
import { parseConfig } from './parse.js';
import { resolveConfig } from './resolve.js';

describe('config agencies (cross-year rules)', () => {
  it('accepts a name mapping and merges it along the chain, inner configs winning', () => {
    const outer = parseConfig(
      '{ "agencies": { "红旗区市场监管局": "红旗区市场监督管理局", "甲": "乙" } }',
      '/a/govlint.config.json',
    );
    const inner = parseConfig('{ "agencies": { "甲": "丙" } }', '/a/b/govlint.config.json');
    if (!outer.ok || !inner.ok) throw new Error('config did not parse');
    const resolved = resolveConfig(
      [
        { path: '/a/govlint.config.json', config: outer.config },
        { path: '/a/b/govlint.config.json', config: inner.config },
      ],
      '/a/b/report.txt',
    );
    expect(resolved.agencies).toEqual({ 红旗区市场监管局: '红旗区市场监督管理局', 甲: '丙' });
  });

  it('locates a mapping to a non-string', () => {
    const r = parseConfig('{\n  "agencies": { "甲": 1 }\n}', 'c.json');
    expect(r.ok ? null : r.errors[0]).toMatchObject({ line: 2, path: 'agencies.甲' });
  });

  it('leaves agencies out when no config sets them', () => {
    expect(resolveConfig([], '/x.txt').agencies).toBeUndefined();
  });
});
