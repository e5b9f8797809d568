import type { Diagnostic } from '@govlint/text';
import { LineIndex } from '@govlint/text';
import { describe, expect, it } from 'vitest';
import {
  CodeActionKind,
  type CodeActionParams,
  type TextDocumentEdit,
} from 'vscode-languageserver';
import { toLspDiagnostic } from '../convert.js';
import type { LintSnapshot } from '../lint-state.js';
import {
  codeActions,
  collectFixEdits,
  disableDirectiveEdit,
  FIX_ALL_KIND,
} from './code-actions.js';

const uri = 'file:///report.md';

function fixable(text: string, needle: string, value: string, ruleId = 't3-row-total'): Diagnostic {
  const start = text.indexOf(needle);
  const range = { start, end: start + needle.length };
  return {
    ruleId,
    severity: 'error',
    message: `应为 ${value}`,
    range,
    fix: { title: `改为 ${value}`, edits: [{ range, text: value }] },
  };
}

function snapshotOf(text: string, diagnostics: Diagnostic[], version = 4): LintSnapshot {
  return {
    uri,
    version,
    text,
    index: new LineIndex(text),
    result: {
      uri,
      diagnostics,
      model: null,
      template: null,
      detection: { template: null, by: 'none', markers: {}, year: null },
      evaluation: [],
    },
  };
}

function params(snapshot: LintSnapshot, only?: string[]): CodeActionParams {
  const diagnostics = snapshot.result.diagnostics.map((d) =>
    toLspDiagnostic(d, snapshot.index, uri, snapshot.version),
  );
  return {
    textDocument: { uri },
    range: diagnostics[0]?.range ?? {
      start: { line: 0, character: 0 },
      end: { line: 0, character: 0 },
    },
    context: { diagnostics, ...(only && { only }) },
  };
}

describe('collectFixEdits', () => {
  it('counts an edit proposed by two rules once and drops overlapping ones', () => {
    const text = 'TOT 0 | x 00';
    const a = fixable(text, '0', '12');
    const b = fixable(text, '0', '12', 't3-result-total');
    const overlapRange = { start: 4, end: 7 };
    const overlapping: Diagnostic = {
      ...fixable(text, 'TOT 0', 'n'),
      range: overlapRange,
      fix: { title: 'n', edits: [{ range: overlapRange, text: 'n' }] },
    };
    const later = fixable(text, '00', '7');
    expect(collectFixEdits([later, b, a, overlapping])).toEqual([
      { range: { start: 4, end: 5 }, text: '12' },
      { range: { start: 10, end: 12 }, text: '7' },
    ]);
  });
});

describe('code actions', () => {
  const text = '# 表三\r\n  | （七）总计 | 12 | 0 |\r\n';
  const snap = snapshotOf(text, [fixable(text, '0 |', '12')]);
  const doc = { uri, version: 4, languageId: 'markdown' };

  it('offers the rule fix as a preferred quick fix with a versioned edit', () => {
    const actions = codeActions(doc, params(snap, [CodeActionKind.QuickFix]), snap);
    const fix = actions.find((a) => a.isPreferred);
    expect(fix?.title).toBe('改为 12');
    const change = fix?.edit?.documentChanges?.[0] as TextDocumentEdit;
    expect(change.textDocument).toEqual({ uri, version: 4 });
    expect(change.edits).toEqual([
      {
        range: { start: { line: 1, character: 17 }, end: { line: 1, character: 20 } },
        newText: '12',
      },
    ]);
    expect(actions.some((a) => a.kind === FIX_ALL_KIND)).toBe(false);
  });

  it('offers a disable directive above the line in Markdown, keeping indentation and CRLF', () => {
    const actions = codeActions(doc, params(snap), snap);
    const disable = actions.find((a) => a.title.includes('禁用'));
    const change = disable?.edit?.documentChanges?.[0] as TextDocumentEdit;
    expect(change.edits[0]).toEqual({
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } },
      newText: '  <!-- govlint-disable-next-line t3-row-total -->\r\n',
    });
    expect(
      codeActions({ ...doc, languageId: 'plaintext' }, params(snap), snap).some((a) =>
        a.title.includes('禁用'),
      ),
    ).toBe(false);
  });

  it('fixes the whole file on source.fixAll', () => {
    const actions = codeActions(doc, params(snap, ['source.fixAll']), snap);
    expect(actions).toHaveLength(1);
    expect(actions[0]?.kind).toBe(FIX_ALL_KIND);
  });

  it('offers nothing for diagnostics of an older version', () => {
    expect(codeActions({ ...doc, version: 5 }, params(snap), snap)).toEqual([]);
  });

  it('puts the directive after a lone CR line end too', () => {
    const crText = 'a\rb 0\r';
    const crSnap = snapshotOf(crText, [fixable(crText, '0', '1')]);
    const lsp = toLspDiagnostic(crSnap.result.diagnostics[0]!, crSnap.index, uri, 4);
    expect(disableDirectiveEdit(crSnap, lsp, 'x').newText).toBe(
      '<!-- govlint-disable-next-line x -->\r',
    );
  });
});
