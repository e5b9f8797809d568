import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import formatsPlugin from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { govlint, govlintJson, repo, seed } from './helpers.js';

describe('govlint formats (built CLI)', () => {
  it('stylish: grouped by file, line:column, message, rule, summary; no colour when piped', () => {
    const r = govlint(['examples/000_c9cdefee434a3be0.txt'], { env: { NO_COLOR: undefined } });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^examples\/000_c9cdefee434a3be0\.txt\n/);
    expect(r.stdout).toMatch(
      /\n {2}352:2 +error +表三“（七）总计”行：.*2\+0\+0\+0\+0\+0.* {2}t3-row-total\n/,
    );
    expect(r.stdout).toMatch(/✖ \d+ problems? \(3 errors, \d+ warnings?\)/);
    expect(r.stdout).toContain('potentially fixable with the `--fix` option');
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('stylish: colours when forced with --color', () => {
    expect(
      govlint(['--color', 'examples/000_c9cdefee434a3be0.txt'], { env: { NO_COLOR: undefined } })
        .stdout,
    ).toContain('\u001b[31m');
  });

  it("json: ESLint's result shape, absolute paths, 1-based positions", () => {
    const { status, results } = govlintJson(['examples']);
    expect(status).toBe(1);
    expect(results.map((r) => r.filePath)).toEqual([...results.map((r) => r.filePath)].sort());
    const r000 = results.find((r) => r.filePath.endsWith('000_c9cdefee434a3be0.txt'))!;
    expect(r000.filePath.startsWith(repo)).toBe(true);
    expect(Object.keys(r000).sort()).toEqual([
      'errorCount',
      'fatalErrorCount',
      'filePath',
      'fixableErrorCount',
      'fixableWarningCount',
      'messages',
      'warningCount',
    ]);
    expect(r000).toMatchObject({ errorCount: 3, fatalErrorCount: 0, fixableErrorCount: 3 });
    expect(r000.warningCount).toBe(r000.messages.filter((x) => x.severity === 1).length);
    const m = r000.messages.find((x) => x.ruleId === 't3-row-total')!;
    expect(Object.keys(m).sort()).toEqual([
      'column',
      'endColumn',
      'endLine',
      'fix',
      'line',
      'message',
      'ruleId',
      'severity',
    ]);
    expect(m).toMatchObject({ severity: 2, line: 232, column: 2, endLine: 232, endColumn: 3 });
  });

  it('json: info-level findings only with --info, flagged and not counted as warnings', () => {
    const plain = govlintJson(['examples/001_105d092e2e626fb2.txt']).results[0]!;
    const withInfo = govlintJson(['--info', 'examples/001_105d092e2e626fb2.txt']).results[0]!;
    expect(plain.messages.some((m) => m.info)).toBe(false);
    const infos = withInfo.messages.filter((m) => m.info);
    expect(infos.length).toBeGreaterThan(0);
    expect(infos.every((m) => m.severity === 1)).toBe(true);
    expect(withInfo.warningCount).toBe(plain.warningCount);
  });

  it('sarif: valid SARIF 2.1.0 with rule metadata, docs links and fixes', () => {
    const r = govlint(['--format', 'sarif', 'examples']);
    expect(r.status).toBe(1);
    const schema = JSON.parse(
      readFileSync(
        new URL('../../../shared/schemas/sarif-schema-2.1.0.json', import.meta.url),
        'utf8',
      ),
    );
    delete schema.$schema;
    schema.$id = schema.id;
    delete schema.id;
    const ajv = new Ajv({ strict: false, allErrors: true });
    (formatsPlugin as unknown as typeof formatsPlugin.default)(ajv);
    const validate = ajv.compile(schema);
    const log = JSON.parse(r.stdout);
    validate(log);
    expect(validate.errors ?? []).toEqual([]);
    const run = log.runs[0];
    const ids = run.tool.driver.rules.map((x: { id: string }) => x.id);
    expect(ids).toContain('t3-row-total');
    const rule = run.tool.driver.rules[ids.indexOf('t3-row-total')];
    expect(rule.helpUri).toBe(
      'https://github.com/govlint/govlint/blob/main/docs/rules/t3-row-total.md',
    );
    const result = run.results.find((x: { ruleId: string }) => x.ruleId === 't3-row-total');
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe(
      'examples/000_c9cdefee434a3be0.txt',
    );
    expect(result.fixes[0].artifactChanges[0].replacements[0].insertedContent.text).toBe('2');
    expect(run.columnKind).toBe('utf16CodeUnits');
  });

  it('github: one workflow command per problem', () => {
    const r = govlint(['--format', 'github', 'examples/000_c9cdefee434a3be0.txt']);
    expect(r.status).toBe(1);
    const lines = r.stdout
      .trim()
      .split('\n')
      .filter((l) => l.includes('(t3-'));
    expect(lines).toHaveLength(3);
    expect(
      r.stdout
        .trim()
        .split('\n')
        .every((l) => /^::(error|warning|notice) file=/.test(l)),
    ).toBe(true);
    expect(lines[1]).toMatch(
      /^::error file=examples\/000_c9cdefee434a3be0\.txt,line=232,col=2,endLine=232,endColumn=3,title=govlint \(t3-row-total\)::表三/,
    );
  });

  it('junit: a suite per file, a failure per problem', () => {
    const r = govlint(['--format', 'junit', 'examples']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(
      /^<\?xml version="1.0" encoding="utf-8"\?>\n<testsuites name="govlint" tests="\d+" failures="\d+" errors="0">/,
    );
    expect(r.stdout).toContain('name="examples/000_c9cdefee434a3be0.txt"');
    expect(r.stdout).toContain(
      '<testcase time="0" name="govlint" classname="examples/clean-2023.md" />',
    );
    expect((r.stdout.match(/<testsuite /g) ?? []).length).toBe(6);
  });

  it('-o writes the output to a file', () => {
    const out = `${repo}/.vitest/e2e-out.json`;
    const r = govlint(['-f', 'json', '-o', out, 'examples/003_10e3baeb14b029d4.txt']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8'))[0].errorCount).toBe(0);
  });

  it('reads a seed from outside the working directory with an absolute path in json', () => {
    const { results } = govlintJson([seed('003')]);
    expect(results[0]!.filePath).toBe(seed('003'));
  });
});
