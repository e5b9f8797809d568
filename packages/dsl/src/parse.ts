/**
 * `parseRules`: text → AST + located syntax diagnostics. Never throws: the
 * lexer skips what it cannot read and the parser recovers, so a file with
 * three mistakes gives three errors and an AST for everything else.
 */
import type { IRecognitionException } from 'chevrotain';
import type { Diagnostic, Range } from '@govlint/text';
import type { RulesFile } from './ast.js';
import { tokenize } from './lexer.js';
import { parseTokens } from './parser.js';
import { toAst } from './to-ast.js';

export interface ParseResult {
  readonly ast: RulesFile;
  readonly diagnostics: readonly Diagnostic[];
}

export function parseRules(text: string, uri: string): ParseResult {
  const diagnostics: Diagnostic[] = [];
  const lexed = tokenize(text);
  for (const e of lexed.errors) {
    const found = text.slice(e.offset, e.offset + Math.max(1, e.length));
    diagnostics.push({
      ruleId: 'dsl-syntax',
      severity: 'error',
      message: `无法识别的字符 “${found.length > 20 ? `${found.slice(0, 20)}…` : found}”（文字须写在英文双引号 "…" 内）`,
      range: { start: e.offset, end: e.offset + Math.max(1, e.length) },
    });
  }
  const { cst, errors } = parseTokens(lexed.tokens);
  for (const e of errors) {
    diagnostics.push({
      ruleId: 'dsl-syntax',
      severity: 'error',
      message: e.message,
      range: errorRange(e, text),
    });
  }
  return { ast: toAst(cst, uri), diagnostics };
}

/** The offending token; at the end of the file, the end of the last real token. */
function errorRange(e: IRecognitionException, text: string): Range {
  const t = e.token;
  if (Number.isFinite(t.startOffset))
    return { start: t.startOffset, end: (t.endOffset ?? t.startOffset) + 1 };
  const prev = (e as IRecognitionException & { previousToken?: { endOffset?: number } })
    .previousToken;
  const at = prev && Number.isFinite(prev.endOffset) ? (prev.endOffset as number) + 1 : text.length;
  return { start: at, end: at };
}
