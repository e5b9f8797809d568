/** The one diagnostic a document gets when govlint itself failed on it. */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { SOURCE } from './convert.js';

export const INTERNAL_ERROR_CODE = 'internal-error';

export function internalErrorDiagnostic(error: unknown): Diagnostic {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Warning,
    code: INTERNAL_ERROR_CODE,
    source: SOURCE,
    message: `govlint 无法检查此文档（内部错误：${reason}），详情见语言服务器日志。`,
  };
}
