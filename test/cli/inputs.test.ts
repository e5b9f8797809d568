import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtures, govlintJson, seed, tempDir } from './helpers.js';

/** What a run reports, without the file path: rule, line, column, message. */
const findings = (r: ReturnType<typeof govlintJson>) =>
  r.results[0]!.messages.map((m) => [
    m.ruleId,
    m.line,
    m.column,
    m.endLine,
    m.endColumn,
    m.message,
  ]);

describe('inputs (built CLI)', () => {
  const original = govlintJson(['--info', seed('000')]);

  it('reads a report from stdin, with its name for output and config', () => {
    const r = govlintJson(['--info', '--stdin', '--stdin-filename', 'reports/000.txt'], {
      input: readFileSync(seed('000')),
    });
    expect(r.status).toBe(1);
    expect(r.results[0]!.filePath.endsWith('reports/000.txt')).toBe(true);
    expect(findings(r)).toEqual(findings(original));
    const anonymous = govlintJson(['--stdin'], { input: readFileSync(seed('003')) });
    expect(anonymous).toMatchObject({
      status: 0,
      results: [{ filePath: '<stdin>', errorCount: 0 }],
    });
  });

  it('reads GB18030 like UTF-8: same findings at the same lines and columns', () => {
    const r = govlintJson(['--info', join(fixtures, '000-gb18030.txt')]);
    expect(r.status).toBe(1);
    expect(findings(r)).toEqual(findings(original));
  });

  it('reads CRLF line ends: same lines and columns', () => {
    const dir = tempDir();
    const crlf = join(dir, 'crlf.txt');
    writeFileSync(crlf, readFileSync(seed('000'), 'utf8').replace(/\n/g, '\r\n'));
    expect(findings(govlintJson(['--info', crlf]))).toEqual(findings(original));
  });

  it('reads a UTF-8 BOM without shifting columns', () => {
    const dir = tempDir();
    const bom = join(dir, 'bom.txt');
    writeFileSync(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(seed('000'))]));
    expect(findings(govlintJson(['--info', bom]))).toEqual(findings(original));
  });

  it('survives an empty file and a text that is not a report', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'notes.md'), '# 会议纪要\n\n今天讨论了预算。\n');
    const r = govlintJson(['.'], { cwd: dir });
    expect(r.status === 0 || r.status === 1).toBe(true);
    expect(r.results).toHaveLength(2);
    expect(r.results.every((x) => x.fatalErrorCount === 0)).toBe(true);
  });
});
