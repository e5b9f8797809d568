import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import formatsPlugin from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { RuleInfo } from '@govlint/core';
import { count, fatalResult, type FileResult, type Message } from '../results.js';
import { formatters, type FormatContext } from './index.js';

const cwd = '/work/reports';
const rowTotal: RuleInfo = {
  id: 't3-row-total',
  severity: 'error',
  category: 'arithmetic',
  description: '表三每一行的“总计”等于六类申请人之和',
  docsUrl: 'https://github.com/govlint/govlint/blob/main/docs/rules/t3-row-total.md',
  fixable: true,
  templates: ['gov-2021'],
  message: '',
  docs: '逐行检查。',
};
const context: FormatContext = { cwd, color: false, rules: [rowTotal], version: '0.1.0' };

const error: Message = {
  ruleId: 't3-row-total',
  severity: 2,
  message: '表三“（七）总计”行：六类申请人之和为 2，但“总计”列填写 0（2+0+0+0+0+0 ≠ 0）',
  line: 345,
  column: 2,
  endLine: 345,
  endColumn: 3,
  docsUrl: rowTotal.docsUrl,
  related: [
    { message: '“（七）总计”行“自然人”栏：2', line: 339, column: 2, endLine: 339, endColumn: 3 },
  ],
  fix: { range: [100, 101], text: '2' },
  fixTitle: '将“（七）总计”行“总计”栏改为 2',
  edits: [{ line: 345, column: 2, endLine: 345, endColumn: 3, text: '2' }],
};
const warning: Message = {
  ruleId: 'label-variant',
  severity: 1,
  message: '标签“研究机构”, 应为“科研机构”: 100%\r\n换行',
  line: 47,
  column: 5,
  endLine: 47,
  endColumn: 9,
};
const info: Message = { ...warning, severity: 1, info: true, message: '空白单元格按 0 计算' };

const results: FileResult[] = [
  count('/work/reports/年报/000.txt', [error, warning, info]),
  count('/work/reports/clean.md', []),
  fatalResult('/work/reports/broken.txt', '无法读取文件（EACCES）'),
];

describe('stylish', () => {
  it('groups by file with line:column, severity, message and rule, then a summary', () => {
    const out = formatters.stylish!(results, context);
    expect(out).toContain('年报/000.txt\n');
    expect(out).toContain('  345:2  error    表三“（七）总计”行');
    expect(out).toContain('  t3-row-total\n');
    expect(out).toContain('  47:5   warning  标签');
    expect(out).toContain('✖ 4 problems (2 errors, 1 warning, 1 info)');
    expect(out).toContain('1 error and 0 warnings potentially fixable with the `--fix` option.');
    expect(out).not.toContain('clean.md');
    expect(out).not.toContain('\u001b[');
  });

  it('colours only when asked', () => {
    expect(formatters.stylish!(results, { ...context, color: true })).toContain('\u001b[31m');
  });

  it('prints nothing for a clean run', () => {
    expect(formatters.stylish!([count('/a.txt', [])], context)).toBe('');
  });
});

describe('json', () => {
  it("is exactly ESLint's shape", () => {
    const parsed = JSON.parse(formatters.json!(results, context));
    expect(Object.keys(parsed[0]).sort()).toEqual(
      [
        'errorCount',
        'fatalErrorCount',
        'filePath',
        'fixableErrorCount',
        'fixableWarningCount',
        'messages',
        'warningCount',
      ].sort(),
    );
    expect(parsed[0].messages[0]).toEqual({
      ruleId: 't3-row-total',
      severity: 2,
      message: error.message,
      line: 345,
      column: 2,
      endLine: 345,
      endColumn: 3,
      fix: { range: [100, 101], text: '2' },
    });
    expect(parsed[0].messages[2]).toMatchObject({ severity: 1, info: true });
    expect(parsed[0]).toMatchObject({ errorCount: 1, warningCount: 1, fixableErrorCount: 1 });
    expect(parsed[2]).toMatchObject({
      fatalErrorCount: 1,
      messages: [{ ruleId: null, fatal: true }],
    });
  });
});

describe('github', () => {
  it('writes workflow commands, escaping data and properties', () => {
    const out = formatters.github!(results, context).split('\n');
    expect(out[0]).toBe(
      `::error file=年报/000.txt,line=345,col=2,endLine=345,endColumn=3,title=govlint (t3-row-total)::${error.message}`,
    );
    expect(out[1]).toBe(
      '::warning file=年报/000.txt,line=47,col=5,endLine=47,endColumn=9,title=govlint (label-variant)::标签“研究机构”, 应为“科研机构”: 100%25%0D%0A换行',
    );
    expect(out[2]).toMatch(/^::notice /);
    const odd = formatters.github!([count('/work/reports/a,b:c.txt', [warning])], context);
    expect(odd).toContain('file=a%2Cb%3Ac.txt,');
  });
});

describe('junit', () => {
  it('writes one suite per file, a failure per problem, escaped', () => {
    const out = formatters.junit!(
      [
        count('/work/reports/a&b.txt', [{ ...warning, message: '<x> & "y" \u0001' }]),
        count('/work/reports/ok.txt', []),
      ],
      context,
    );
    expect(out).toContain('<testsuites name="govlint" tests="2" failures="1" errors="0">');
    expect(out).toContain('name="a&amp;b.txt"');
    expect(out).toContain('message="&lt;x&gt; &amp; &quot;y&quot; "');
    expect(out).toContain('<testcase time="0" name="govlint" classname="ok.txt" />');
    expect(out).not.toContain('\u0001');
  });
});

describe('sarif', () => {
  const schema = JSON.parse(
    readFileSync(
      new URL('../../../../../shared/schemas/sarif-schema-2.1.0.json', import.meta.url),
      'utf8',
    ),
  );
  // The schema is draft-04; ajv 8 reads it once `id` is `$id` and `$schema` is gone.
  delete schema.$schema;
  schema.$id = schema.id;
  delete schema.id;
  const ajv = new Ajv({ strict: false, allErrors: true });
  // ajv-formats is CommonJS: under NodeNext its default import is the module object.
  const addFormats = formatsPlugin as unknown as typeof formatsPlugin.default;
  addFormats(ajv);
  const validate = ajv.compile(schema);

  it('validates against the SARIF 2.1.0 schema', () => {
    const log = JSON.parse(formatters.sarif!(results, context));
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    // The validator does reject a malformed log.
    expect(validate({ version: '2.1.0', runs: [{ results: [{ level: 'fatal' }] }] })).toBe(false);
  });

  it('carries rule metadata, docs links, regions, related cells and fixes', () => {
    const log = JSON.parse(formatters.sarif!(results, context));
    const run = log.runs[0];
    expect(run.tool.driver.rules[0]).toMatchObject({
      id: 't3-row-total',
      helpUri: rowTotal.docsUrl,
    });
    expect(run.results[0]).toMatchObject({
      ruleId: 't3-row-total',
      ruleIndex: 0,
      level: 'error',
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: '%E5%B9%B4%E6%8A%A5/000.txt' },
            region: { startLine: 345, startColumn: 2 },
          },
        },
      ],
    });
    expect(run.results[0].relatedLocations[0].message.text).toBe('“（七）总计”行“自然人”栏：2');
    expect(run.results[0].fixes[0].artifactChanges[0].replacements[0].insertedContent.text).toBe(
      '2',
    );
    expect(run.results[2].level).toBe('note');
    expect(run.invocations[0].toolExecutionNotifications[0].message.text).toBe(
      '无法读取文件（EACCES）',
    );
  });
});
