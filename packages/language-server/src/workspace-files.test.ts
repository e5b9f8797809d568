import { describe, expect, it } from 'vitest';
import { isConfigFile, isRulesFile, pathToUri, uriToPath } from './workspace-files.js';

describe('document kinds by URI', () => {
  it('knows rules files by extension or language, config files by name', () => {
    expect(isRulesFile('file:///w/%E8%A7%84%E5%88%99.govlint')).toBe(true);
    expect(isRulesFile('untitled:Untitled-1', 'govlint-rules')).toBe(true);
    expect(isRulesFile('file:///w/report.txt')).toBe(false);
    expect(isConfigFile('file:///w/sub/govlint.config.json')).toBe(true);
    expect(isConfigFile('file:///w/my-govlint.config.json')).toBe(false);
  });

  it('does not throw on a malformed escape', () => {
    expect(isRulesFile('file:///w/%E0%A4.govlint')).toBe(true);
    expect(isConfigFile('file:///w/%zz')).toBe(false);
  });

  it('maps file URIs to paths and back, CJK included; other schemes have no path', () => {
    const path = '/tmp/年报 2023/报告.txt';
    expect(uriToPath(pathToUri(path))).toBe(path);
    expect(uriToPath('untitled:Untitled-1')).toBeNull();
    expect(uriToPath('govlint-rules:/gov-2021/tables.govlint')).toBeNull();
  });
});
