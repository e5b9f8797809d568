/**
 * One file through the linter: read, decode, lint, fix (in passes, like
 * ESLint, until nothing more applies), write back in the file's own
 * encoding. A file that cannot be read or is not text is a fatal result for
 * that file, never a crash of the run.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { applyFixes, type FileConfig, type LintResult, type Linter } from '@govlint/core';
import type { Fix } from '@govlint/text';
import { decode } from '@govlint/report';
import { type Decoded, encodeLike } from './encoding.js';
import {
  type FileResult,
  type ResultOptions,
  count,
  fatalResult,
  toFileResult,
} from './results.js';

export interface LintFileOptions extends ResultOptions {
  readonly template?: string;
  /** Write fixes back to the file. */
  readonly fix: boolean;
  /** Compute fixes, report the fixed text as `output`, write nothing. */
  readonly fixDryRun: boolean;
}

/** ESLint's limit: fixes that keep producing fixes stop after ten passes. */
const MAX_FIX_PASSES = 10;

export function lintFile(
  filePath: string,
  bytes: Uint8Array | null,
  linter: Linter,
  config: FileConfig,
  options: LintFileOptions,
): FileResult {
  let data: Uint8Array;
  try {
    data = bytes ?? readFileSync(filePath);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    return fatalResult(filePath, `无法读取文件（${code}）`);
  }
  const decoded: Decoded = decode(data);
  if (decoded.encoding === 'binary') {
    return fatalResult(filePath, '不是文本文件（binary content），已跳过');
  }
  const lintOptions = {
    uri: filePath,
    ...(options.template ? { template: options.template } : {}),
    config,
  };
  let text = decoded.text;
  let result = linter.lint(text, lintOptions);
  if (!options.fix && !options.fixDryRun) return toFileResult(filePath, text, result, options);

  let state = { decoded, bytes: data };
  let writable = true;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const outcome = applyFixes(text, fixesOf(result));
    if (outcome.applied.length === 0 || outcome.text === text) break;
    if (options.fix && writable) {
      const edits = outcome.edits.map((e) => ({ ...e.range, text: e.text }));
      const encoded = encodeLike(state.decoded, state.bytes, outcome.text, edits);
      // Never write what would not read back as the fixed text.
      if (encoded && decode(encoded).text === outcome.text) {
        state = { decoded: { ...state.decoded, text: outcome.text }, bytes: encoded };
      } else writable = false;
    }
    text = outcome.text;
    result = linter.lint(text, lintOptions);
  }
  if (options.fixDryRun) {
    const output = text !== decoded.text ? text : undefined;
    return toFileResult(filePath, text, result, options, output);
  }
  if (!writable) {
    // Report the original problems: nothing was written.
    const original = toFileResult(
      filePath,
      decoded.text,
      linter.lint(decoded.text, lintOptions),
      options,
    );
    return count(filePath, [
      {
        ruleId: null,
        fatal: true,
        severity: 2,
        message: `无法按原编码（${decoded.encoding}）写回修复，文件未修改`,
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
      },
      ...original.messages,
    ]);
  }
  if (text !== decoded.text) {
    try {
      writeFileSync(filePath, state.bytes);
    } catch (e) {
      return fatalResult(filePath, `无法写入文件（${(e as NodeJS.ErrnoException).code ?? e}）`);
    }
  }
  return toFileResult(filePath, text, result, options);
}

function fixesOf(result: LintResult): Fix[] {
  return result.diagnostics.flatMap((d) => (d.fix ? [d.fix] : []));
}
