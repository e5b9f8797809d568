/**
 * Diagnostics for an open `govlint.config.json`: core's parseConfig locates
 * every syntax and schema error (1-based line and UTF-16 column), which
 * become LSP ranges on the buffer as typed.
 */
import { parseConfig } from '@govlint/core/config';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { SOURCE } from '../convert.js';

export const CONFIG_ERROR_CODE = 'config-invalid';

export function configDiagnostics(text: string, file: string): Diagnostic[] {
  const parsed = parseConfig(text, file);
  if (parsed.ok) return [];
  return parsed.errors.map((e) => ({
    range: {
      start: { line: e.line - 1, character: e.column - 1 },
      end: { line: e.endLine - 1, character: e.endColumn - 1 },
    },
    severity: DiagnosticSeverity.Error,
    code: CONFIG_ERROR_CODE,
    source: SOURCE,
    message: e.path ? `${e.path}: ${e.message}` : e.message,
  }));
}
