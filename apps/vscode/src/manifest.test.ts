/**
 * The extension's static parts agree with each other: every setting the
 * client reads is contributed, the grammar and language configuration load,
 * and every grammar pattern compiles.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LANGUAGES, RULES_LANGUAGE } from './client-options.js';

const read = (path: string) =>
  JSON.parse(readFileSync(new URL(`../${path}`, import.meta.url), 'utf8'));
const manifest = read('package.json');
const grammar = read('syntaxes/govlint.tmLanguage.json');

/** Oniguruma's `\p{Han}` is `\p{Script=Han}` to JavaScript. */
const toJs = (source: string) => new RegExp(source.replace(/\\p\{Han\}/g, '\\p{Script=Han}'), 'u');

function patterns(node: unknown): string[] {
  if (!node || typeof node !== 'object') return [];
  const found: string[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (['match', 'begin', 'end'].includes(key) && typeof value === 'string') found.push(value);
    else found.push(...patterns(value));
  }
  return found;
}

function scopesOf(line: string): Map<string, string> {
  const scopes = new Map<string, string>();
  const rules = grammar.repository.keywords.patterns as { name: string; match: string }[];
  for (const rule of rules)
    for (const m of line.matchAll(new RegExp(toJs(rule.match), 'gu'))) scopes.set(m[0], rule.name);
  return scopes;
}

describe('extension manifest', () => {
  it('contributes every setting, with the defaults the client assumes', () => {
    const properties = manifest.contributes.configuration.properties;
    expect(Object.keys(properties).sort()).toEqual(
      [
        'govlint.enable',
        'govlint.languages',
        'govlint.rulePaths',
        'govlint.template',
        'govlint.trace.server',
      ].sort(),
    );
    expect(properties['govlint.languages'].default).toEqual(DEFAULT_LANGUAGES);
    for (const language of DEFAULT_LANGUAGES)
      expect(manifest.activationEvents).toContain(`onLanguage:${language}`);
  });

  it('declares the rules language with its grammar and configuration files', () => {
    const language = manifest.contributes.languages.find(
      (l: { id: string }) => l.id === RULES_LANGUAGE,
    );
    expect(language.extensions).toEqual(['.govlint']);
    expect(existsSync(new URL(`../${language.configuration}`, import.meta.url))).toBe(true);
    const contributed = manifest.contributes.grammars[0];
    expect(contributed).toMatchObject({ language: RULES_LANGUAGE, scopeName: grammar.scopeName });
    expect(read(language.configuration).comments.lineComment).toBe('//');
  });

  it('points main at the bundle esbuild writes', () => {
    expect(manifest.main).toBe('./dist/extension.cjs');
    expect(readFileSync(new URL('../esbuild.mjs', import.meta.url), 'utf8')).toContain(
      "outfile: 'dist/extension.cjs'",
    );
  });
});

describe('TextMate grammar', () => {
  it('has only patterns that compile', () => {
    const all = patterns(grammar);
    expect(all.length).toBeGreaterThan(10);
    for (const source of all) expect(() => toJs(source), source).not.toThrow();
  });

  it('tells declarations, checks, properties and severities apart', () => {
    const scopes = scopesOf(
      'rule t3-row-total { severity error  assert for each row r in T3: T3[r, TOT] = sum(T3[r, NP..OT]) }',
    );
    expect(scopes.get('rule')).toBe('storage.type.govlint');
    expect(scopes.get('assert')).toBe('keyword.control.govlint');
    expect(scopes.get('severity')).toBe('keyword.other.property.govlint');
    expect(scopes.get('error')).toBe('constant.language.severity.govlint');
    // Keywords inside a longer identifier are not keywords.
    expect(scopesOf('rules_total').size).toBe(0);
  });

  it('names the declared rule and highlights a CJK identifier after `section`', () => {
    const declaration = toJs(grammar.repository.declarations.patterns[0].match);
    expect(declaration.exec('rule t3-row-total {')?.[2]).toBe('t3-row-total');
    expect(declaration.exec('section 三 "三、收到和处理政府信息公开申请情况"')?.[2]).toBe('三');
  });
});
