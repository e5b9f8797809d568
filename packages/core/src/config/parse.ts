/**
 * Reading one config file's text: syntax, then the schema. Every error is
 * located (line and column of the offending value or key), because "invalid
 * config" without a place sends the user hunting.
 */
import { LineIndex, type Range } from '@govlint/text';
import type { z } from 'zod';
import { type JsonNode, nodeAt, parseJson } from './json.js';
import { ConfigSchema, type GovlintConfig } from './schema.js';

export interface ConfigError {
  /** The config file's path (as given). */
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** The JSON path of the offending value, e.g. `rules.t3-row-total`. */
  readonly path: string;
  readonly message: string;
}

export type ConfigParse =
  | { readonly ok: true; readonly config: GovlintConfig }
  | { readonly ok: false; readonly errors: readonly ConfigError[] };

/** A config error at a range of the file, with 1-based line and column. */
function locatedError(
  lines: LineIndex,
  file: string,
  range: Range,
  path: string,
  message: string,
): ConfigError {
  const start = lines.lineColumn(range.start);
  const end = lines.lineColumn(range.end);
  return {
    file,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    path,
    message,
  };
}

export function parseConfig(text: string, file: string): ConfigParse {
  const lines = new LineIndex(text);
  const locate = (range: Range, path: string, message: string): ConfigError =>
    locatedError(lines, file, range, path, message);
  const json = parseJson(text);
  if (!json.ok) {
    const at = { start: json.offset, end: Math.min(json.offset + 1, text.length) };
    return { ok: false, errors: [locate(at, '', `配置文件不是有效的 JSON：${json.message}`)] };
  }
  const result = ConfigSchema.safeParse(json.value);
  if (result.success) return { ok: true, config: result.data };
  const errors = result.error.issues.map((issue) => {
    const { range, path, message } = describeIssue(issue, json.root);
    return locate(range, path, message);
  });
  errors.sort((a, b) => a.line - b.line || a.column - b.column);
  return { ok: false, errors };
}

/**
 * A located error about a value the schema cannot judge (a rule id that no
 * pack declares): at the key of `path`, or its nearest existing ancestor.
 */
export function configErrorAt(
  text: string,
  file: string,
  path: readonly (string | number)[],
  message: string,
): ConfigError {
  const json = parseJson(text);
  const node = json.ok ? nodeAt(json.root, path) : { range: { start: 0, end: 0 } };
  const range = 'keyRange' in node && node.keyRange ? node.keyRange : node.range;
  return locatedError(new LineIndex(text), file, range, path.join('.'), message);
}

/** Format an error the way compilers do: `file:line:column: message`. */
export function formatConfigError(e: ConfigError): string {
  return `${e.file}:${e.line}:${e.column}: ${e.message}`;
}

type Issue = z.core.$ZodIssue;

function describeIssue(
  issue: Issue,
  root: JsonNode,
): { range: Range; path: string; message: string } {
  const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
  const dotted = path.join('.');
  const node = nodeAt(root, path);
  const where = dotted ? `“${dotted}”` : '配置';
  switch (issue.code) {
    case 'unrecognized_keys': {
      const key = issue.keys[0] ?? '';
      const member = node.children?.get(key);
      const full = dotted ? `${dotted}.${key}` : key;
      return {
        range: member?.keyRange ?? node.range,
        path: full,
        message: `未知的配置项“${full}”（unknown option${issue.keys.length > 1 ? `s: ${issue.keys.join(', ')}` : ''}）`,
      };
    }
    case 'invalid_key':
      return {
        range: node.keyRange ?? node.range,
        path: dotted,
        message: `${where}的键名无效：${issue.issues.map((i) => i.message).join('; ')}`,
      };
    case 'invalid_value':
      return {
        range: node.range,
        path: dotted,
        message: `${where}应为 ${issue.values.map((v) => JSON.stringify(v)).join('、')} 之一（${issue.message}）`,
      };
    case 'invalid_type':
      return {
        range: node.range,
        path: dotted,
        message: `${where}的类型应为 ${issue.expected}（${issue.message}）`,
      };
    default:
      return { range: node.range, path: dotted, message: `${where}无效（${issue.message}）` };
  }
}
