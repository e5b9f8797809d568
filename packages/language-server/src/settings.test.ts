import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings } from './settings.js';

describe('parseSettings', () => {
  it('reads the govlint section or the section itself', () => {
    expect(parseSettings({ govlint: { enable: false } }).enable).toBe(false);
    expect(parseSettings({ rulePaths: ['rules'] }).rulePaths).toEqual(['rules']);
  });

  it('falls back to defaults for malformed values and caps the debounce at 50 ms', () => {
    const s = parseSettings({
      enable: 'yes',
      rulePaths: [1],
      languages: 'markdown',
      debounceMs: 500,
    });
    expect(s).toEqual({ ...DEFAULT_SETTINGS, debounceMs: 50 });
    expect(parseSettings(null)).toBe(DEFAULT_SETTINGS);
    expect(parseSettings({ debounceMs: -1 }).debounceMs).toBe(DEFAULT_SETTINGS.debounceMs);
  });

  it('clears a forced template with null or an empty string', () => {
    const forced = parseSettings({ template: 'gov-2019' });
    expect(forced.template).toBe('gov-2019');
    expect(parseSettings({ template: '' }, forced).template).toBeNull();
    expect(parseSettings({ template: null }, forced).template).toBeNull();
    expect(parseSettings({}, forced).template).toBe('gov-2019');
  });
});
