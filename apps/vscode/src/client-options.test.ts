import { describe, expect, it } from 'vitest';
import { documentSelector, readSettings, serverSettings } from './client-options.js';

describe('client options', () => {
  it('selects reports in the configured languages, rules files and the config file', () => {
    const settings = readSettings((_key, fallback) => fallback);
    expect(documentSelector(settings)).toEqual([
      { scheme: 'file', language: 'plaintext' },
      { scheme: 'untitled', language: 'plaintext' },
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
      { scheme: 'file', language: 'html' },
      { scheme: 'untitled', language: 'html' },
      { scheme: 'file', language: 'govlint-rules' },
      { scheme: 'untitled', language: 'govlint-rules' },
      { scheme: 'file', pattern: '**/govlint.config.json' },
    ]);
  });

  it('scopes the report languages by the setting', () => {
    const settings = readSettings(
      <T>(key: string, fallback: T) => (key === 'languages' ? ['markdown'] : fallback) as T,
    );
    expect(
      documentSelector(settings).filter((f) => 'language' in f && f.language !== 'govlint-rules'),
    ).toEqual([
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ]);
  });

  it('hands the server the settings it reads, a blank template meaning none', () => {
    const values: Record<string, unknown> = { enable: false, template: '  ', rulePaths: ['rules'] };
    const settings = readSettings(
      <T>(key: string, fallback: T) => (key in values ? values[key] : fallback) as T,
    );
    expect(serverSettings(settings)).toEqual({
      enable: false,
      template: null,
      rulePaths: ['rules'],
      languages: ['plaintext', 'markdown', 'html'],
    });
  });
});
