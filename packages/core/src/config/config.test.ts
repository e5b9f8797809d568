import { describe, expect, it } from 'vitest';
import { parseJson } from './json.js';
import { parseConfig } from './parse.js';
import { resolveConfig } from './resolve.js';
import { resolvePath } from './paths.js';

describe('parseJson', () => {
  it('keeps the range of every value and key, and accepts comments', () => {
    const text = '{\n  // rules\n  "rules": { "a-b": "off" } /* end */\n}';
    const r = parseJson(text);
    if (!r.ok) throw new Error(r.message);
    expect(r.value).toEqual({ rules: { 'a-b': 'off' } });
    const rules = r.root.children?.get('rules');
    const value = rules?.children?.get('a-b');
    expect(text.slice(value!.range.start, value!.range.end)).toBe('"off"');
    expect(text.slice(rules!.keyRange!.start, rules!.keyRange!.end)).toBe('"rules"');
  });

  it('reports the offset of a syntax error', () => {
    const r = parseJson('{ "a": 1, }');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.offset).toBe(10);
  });

  it('does not overflow the stack on deep nesting', () => {
    expect(parseJson('['.repeat(100000)).ok).toBe(false);
  });
});

describe('parseConfig', () => {
  it('accepts every documented option', () => {
    const text = JSON.stringify({
      $schema: './schema.json',
      root: true,
      template: 'gov-2021',
      rules: { 't3-row-total': 'warning', 'cell-blank': 'off' },
      rulePaths: ['./local-rules'],
      ignore: ['drafts/**'],
      overrides: [
        { files: '2019/**', template: 'gov-2019', rules: { 'template-outdated': 'off' } },
      ],
      deadlines: { department: '01-31', government: '03-31', township: '02-20' },
    });
    expect(parseConfig(text, 'govlint.config.json')).toMatchObject({ ok: true });
  });

  it('locates a bad severity at its value', () => {
    const text = '{\n  "rules": {\n    "t3-row-total": "fatal"\n  }\n}\n';
    const r = parseConfig(text, 'govlint.config.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]).toMatchObject({ line: 3, column: 21, path: 'rules.t3-row-total' });
    expect(r.errors[0]!.message).toContain('"off"、"info"、"warning"、"error"');
  });

  it('locates an unknown option at its key', () => {
    const r = parseConfig('{\n  "rule": {}\n}', 'c.json');
    expect(r.ok ? null : r.errors[0]).toMatchObject({ line: 2, column: 3, path: 'rule' });
  });

  it('locates a syntax error', () => {
    const r = parseConfig('{\n  "rules": {\n    "a": "off",\n  }\n}', 'c.json');
    expect(r.ok ? null : r.errors[0]).toMatchObject({ line: 4, column: 3 });
  });

  it('rejects bad deadlines and rule ids', () => {
    const r = parseConfig(
      '{"deadlines": {"department": "1-31"}, "rules": {"T3_row": "off"}}',
      'c.json',
    );
    expect(r.ok ? [] : r.errors.map((e) => e.path)).toEqual([
      'deadlines.department',
      'rules.T3_row',
    ]);
  });
});

describe('resolveConfig', () => {
  const outer = {
    path: '/repo/govlint.config.json',
    config: {
      rules: { 't3-row-total': 'warning' as const, 'cell-blank': 'off' as const },
      ignore: ['drafts/**', '*.bak.txt'],
      rulePaths: ['rules-extra'],
      overrides: [
        { files: 'old/**', template: 'gov-2019', rules: { 'template-outdated': 'off' as const } },
      ],
    },
  };
  const inner = {
    path: '/repo/reports/govlint.config.json',
    config: { rules: { 't3-row-total': 'error' as const }, deadlines: { department: '01-20' } },
  };

  it('lets the inner config win and merges the rest', () => {
    const c = resolveConfig([outer, inner], '/repo/reports/a.txt');
    expect(c.rules).toEqual({ 't3-row-total': 'error', 'cell-blank': 'off' });
    expect(c.deadlines).toEqual({ department: '01-20' });
    expect(c.rulePaths).toEqual(['/repo/rules-extra']);
    expect(c.sources).toEqual([outer.path, inner.path]);
    expect(c.ignored).toBe(false);
  });

  it('applies overrides by glob relative to the config folder', () => {
    const c = resolveConfig([outer], '/repo/old/2019.txt');
    expect(c.template).toBe('gov-2019');
    expect(c.rules?.['template-outdated']).toBe('off');
    expect(resolveConfig([outer], '/repo/new/old/2019.txt').template).toBeUndefined();
  });

  it('ignores by path glob and by file-name glob at any depth', () => {
    expect(resolveConfig([outer], '/repo/drafts/x.txt').ignored).toBe(true);
    expect(resolveConfig([outer], '/repo/a/b/c.bak.txt').ignored).toBe(true);
    expect(resolveConfig([outer], '/elsewhere/drafts/x.txt').ignored).toBe(false);
  });

  it('stops at the innermost root config', () => {
    const rooted = { ...inner, config: { ...inner.config, root: true } };
    const c = resolveConfig([outer, rooted], '/repo/reports/a.txt');
    expect(c.rules).toEqual({ 't3-row-total': 'error' });
    expect(c.sources).toEqual([rooted.path]);
  });

  it('resolves paths with .. and Windows drives', () => {
    expect(resolvePath('/a/b', '../c/./d')).toBe('/a/c/d');
    expect(resolvePath('C:/x/y', '../z')).toBe('C:/x/z');
  });
});
