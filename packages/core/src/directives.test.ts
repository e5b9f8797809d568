import { describe, expect, it } from 'vitest';
import { createLinter } from './index.js';
import { parseDirectives } from './directives.js';
import { testPack } from './test/fixture.js';
import { readTestReport, seed000Rows, testReport } from './test/reader.js';

const linter = createLinter({ packs: [testPack], read: readTestReport });
const lint = (text: string) => linter.lint(text, { uri: 'file:///r.md' });
const ids = (text: string) => lint(text).diagnostics.map((d) => d.ruleId);

/** seed 000's table with a comment line inserted before a row. */
function withComment(comment: string, beforeRowLabel: string, eol = '\n'): string {
  const text = testReport({ rows: seed000Rows, lineEnd: eol });
  const at = text.indexOf(beforeRowLabel);
  return text.slice(0, at) + comment + eol + text.slice(at);
}

describe('inline directives', () => {
  it('parses kinds, rule lists and the ESLint-style reason', () => {
    const text =
      'a\n<!-- govlint-disable-next-line t3-row-total, t3-result-total -- checked by hand -->\nb';
    const [d] = parseDirectives(text);
    expect(d).toMatchObject({
      kind: 'disable-next-line',
      rules: ['t3-row-total', 't3-result-total'],
      line: 2,
    });
    expect(parseDirectives('<!-- govlint-disable -->')[0]).toMatchObject({
      kind: 'disable',
      rules: [],
    });
    expect(parseDirectives('<!-- govlint-disabled -->')).toEqual([]);
  });

  it('disable-next-line suppresses only the named rule on the next line', () => {
    const text = withComment(
      '<!-- govlint-disable-next-line t3-row-total -->',
      '1.本机关不掌握相关政府信息',
    );
    expect(ids(text)).toEqual(['t3-column-balance', 't3-row-total']);
    expect(lint(text).diagnostics[1]!.message).toContain('（七）总计');
  });

  it('works with CRLF line ends', () => {
    const text = withComment(
      '<!-- govlint-disable-next-line t3-row-total -->',
      '1.本机关不掌握相关政府信息',
      '\r\n',
    );
    expect(ids(text)).toEqual(['t3-column-balance', 't3-row-total']);
  });

  it('disable … enable suppresses a region', () => {
    let text = withComment('<!-- govlint-disable t3-row-total -->', '1.本机关不掌握相关政府信息');
    text = text.replace('（七）总计', '<!-- govlint-enable t3-row-total -->\n（七）总计');
    expect(ids(text)).toEqual(['t3-column-balance', 't3-row-total']);
    // Without the enable, both row totals are suppressed.
    const open = withComment('<!-- govlint-disable t3-row-total -->', '1.本机关不掌握相关政府信息');
    expect(ids(open)).toEqual(['t3-column-balance']);
  });

  it('reports a directive that suppressed nothing, and names the idle rule', () => {
    const text = withComment(
      '<!-- govlint-disable-next-line t3-row-total t3-result-total -->',
      '1.本机关不掌握相关政府信息',
    );
    const unused = lint(text).diagnostics.filter((d) => d.ruleId === 'unused-disable-directive');
    expect(unused).toHaveLength(1);
    expect(unused[0]!.severity).toBe('warning');
    expect(unused[0]!.message).toContain('（t3-result-total）');
    expect(text.slice(unused[0]!.range.start, unused[0]!.range.end)).toMatch(/^<!--.*-->$/);
  });

  it('a disable without rules that hid nothing is unused', () => {
    const text = testReport({ before: '<!-- govlint-disable -->' });
    expect(ids(text)).toEqual(['unused-disable-directive']);
    const off = linter.lint(text, {
      uri: 'x',
      config: { rules: { 'unused-disable-directive': 'off' } },
    });
    expect(off.diagnostics).toEqual([]);
  });
});
