import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { govlint, govlintJson, seed, tempDir } from './helpers.js';

/** A local rule added to the built-in 2021 template (docs/dsl.md). */
const LOCAL_RULE = `template gov-2021

rule local-no-applications {
  severity warning
  category arithmetic
  description "本地规则：本年不应收到申请"
  message "本年新收 {left} 件申请"
  docs "测试用的本地规则。"
  T3[一, TOT] = 0
}
`;

function packDir(files: Record<string, string>): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'pack'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'pack', name), text);
  return dir;
}

describe('extra rule packs (built CLI)', () => {
  it('--rules DIR adds rules to the built-in template', () => {
    const dir = packDir({ 'local.govlint': LOCAL_RULE });
    const r = govlintJson(['--rules', join(dir, 'pack'), seed('000')]);
    const local = r.results[0]!.messages.filter((m) => m.ruleId === 'local-no-applications');
    expect(local).toHaveLength(1);
    expect(local[0]).toMatchObject({ severity: 1, message: '本年新收 2 件申请' });
    expect(govlint(['rules', '--rules', join(dir, 'pack')]).stdout).toContain(
      'local-no-applications',
    );
  });

  it('config rulePaths adds a pack, and the config may then name its rules', () => {
    const dir = packDir({ 'local.govlint': LOCAL_RULE });
    copyFileSync(seed('000'), join(dir, 'r.txt'));
    writeFileSync(
      join(dir, 'govlint.config.json'),
      JSON.stringify({ rulePaths: ['pack'], rules: { 'local-no-applications': 'error' } }),
    );
    const r = govlintJson(['r.txt'], { cwd: dir });
    const local = r.results[0]!.messages.filter((m) => m.ruleId === 'local-no-applications');
    expect(local.map((m) => m.severity)).toEqual([2]);
  });

  it('a broken rules file exits 2 with located messages', () => {
    const dir = packDir({
      'broken.govlint': 'template gov-2021\nrule broken {\n  severity fatal\n}\n',
    });
    const r = govlint(['--rules', join(dir, 'pack'), seed('003')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${join(dir, 'pack', 'broken.govlint')}:3:12: `);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a config naming an unknown template is located', () => {
    const dir = tempDir({ 'r.txt': seed('003') });
    writeFileSync(join(dir, 'govlint.config.json'), '{\n  "template": "gov-1999"\n}\n');
    const r = govlint(['r.txt'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('govlint.config.json:2:3: ');
    expect(r.stderr).toContain('gov-1999');
  });
});
