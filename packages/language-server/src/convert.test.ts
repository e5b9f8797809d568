import type { Diagnostic } from '@govlint/text';
import { LineIndex } from '@govlint/text';
import { describe, expect, it } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { diagnosticData, toLspDiagnostic } from './convert.js';

const docsUrl = 'https://github.com/govlint/govlint/blob/main/docs/rules/t3-row-total.md';

function diagnostic(text: string, needle: string, extra: Partial<Diagnostic> = {}): Diagnostic {
  const start = text.indexOf(needle);
  return {
    ruleId: 't3-row-total',
    severity: 'error',
    message: '总计不等于各列之和',
    range: { start, end: start + needle.length },
    docsUrl,
    ...extra,
  };
}

describe('toLspDiagnostic', () => {
  it('counts a surrogate pair (𠀀) as two UTF-16 characters', () => {
    const text = '第一行\n𠀀（七）总计 | 12 | 0 |\n';
    const lsp = toLspDiagnostic(diagnostic(text, '0 |'), new LineIndex(text), 'file:///r.txt', 3);
    // 𠀀 (2) + （七）总计 (5) + ' | 12 | ' (8) = 15
    expect(lsp.range).toEqual({
      start: { line: 1, character: 15 },
      end: { line: 1, character: 18 },
    });
  });

  it('ends lines at CRLF once, so columns after full-width punctuation stay exact', () => {
    const text = '一、总体情况\r\n（七）总计：０\r\n';
    const lsp = toLspDiagnostic(diagnostic(text, '０'), new LineIndex(text), 'file:///r.txt', 1);
    expect(lsp.range).toEqual({ start: { line: 1, character: 6 }, end: { line: 1, character: 7 } });
  });

  it('maps rule id, docs, severity, related places and the fix', () => {
    const text = 'a 12\nb 0\n';
    const index = new LineIndex(text);
    const d = diagnostic(text, '0', {
      severity: 'warning',
      related: [{ range: { start: 2, end: 4 }, message: '自然人 12' }],
      fix: { title: '将总计改为 12', edits: [{ range: { start: 7, end: 8 }, text: '12' }] },
      data: { cell: 'T3.三.七.TOT', expected: 12 },
    });
    const lsp = toLspDiagnostic(d, index, 'file:///r.txt', 7);
    expect(lsp).toMatchObject({
      code: 't3-row-total',
      codeDescription: { href: docsUrl },
      source: 'govlint',
      severity: DiagnosticSeverity.Warning,
      relatedInformation: [
        {
          location: {
            uri: 'file:///r.txt',
            range: { start: { line: 0, character: 2 }, end: { line: 0, character: 4 } },
          },
          message: '自然人 12',
        },
      ],
    });
    expect(diagnosticData(lsp)).toEqual({
      ruleId: 't3-row-total',
      version: 7,
      fix: {
        title: '将总计改为 12',
        edits: [
          {
            range: { start: { line: 1, character: 2 }, end: { line: 1, character: 3 } },
            newText: '12',
          },
        ],
      },
      rule: { cell: 'T3.三.七.TOT', expected: 12 },
    });
  });

  it('leaves out what a diagnostic does not have', () => {
    const text = 'x';
    const lsp = toLspDiagnostic(
      {
        ruleId: 'title-missing',
        severity: 'info',
        message: '缺少标题',
        range: { start: 0, end: 0 },
      },
      new LineIndex(text),
      'file:///r.txt',
      1,
    );
    expect(lsp.codeDescription).toBeUndefined();
    expect(lsp.relatedInformation).toBeUndefined();
    expect(lsp.severity).toBe(DiagnosticSeverity.Information);
  });

  it('does not take foreign diagnostics for its own', () => {
    expect(
      diagnosticData({
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        message: 'x',
        source: 'eslint',
        data: { ruleId: 'a', version: 1 },
      }),
    ).toBeUndefined();
  });
});
