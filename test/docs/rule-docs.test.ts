import { readFileSync } from 'node:fs';
import { createLinter } from '@govlint/core';
import { describe, expect, it } from 'vitest';
import { renderRuleDocs, staleRuleDocs } from '../../scripts/rule-docs.mjs';

describe('docs/rules', () => {
  it('is what the rules files say (run `node scripts/rule-docs.mjs` after editing rules/)', () => {
    expect(staleRuleDocs()).toEqual([]);
  });

  it('has a page for every rule a diagnostic can link to', () => {
    const pages = renderRuleDocs();
    for (const rule of createLinter().rules()) {
      expect(rule.docsUrl.endsWith(`/docs/rules/${rule.id}.md`)).toBe(true);
      expect(pages.has(`${rule.id}.md`)).toBe(true);
    }
  });

  it('shows the DSL text of a declared rule, so a maintainer finds its definition', () => {
    const page = readFileSync(
      new URL('../../docs/rules/t3-column-balance.md', import.meta.url),
      'utf8',
    );
    expect(page).toContain('rules/gov-2021/arithmetic.govlint');
    expect(page).toMatch(/T3\[一, c\] \+ T3\[二, c\] = T3\[三\.七, c\] \+ T3\[四, c\]/);
  });
});
