/**
 * The cross-year rules in a batch: when one run lints several years of one
 * agency, each report is compared with the year before (core's crossYear).
 * Only the files that have a neighbouring year are read again, on the main
 * thread, so a batch of unrelated reports costs nothing more.
 */
import { readFileSync } from 'node:fs';
import { crossYear, type LintResult } from '@govlint/core';
import { decode } from '@govlint/report';
import type { LintFileOptions } from './lint-file.js';
import { type FileResult, type Message, count, toFileResult } from './results.js';
import type { Runner } from './runner.js';

export function withCrossYear(
  results: readonly FileResult[],
  runner: Runner,
  options: LintFileOptions,
): FileResult[] {
  const agencies: Record<string, string> = {};
  for (const r of results)
    Object.assign(agencies, r.report && runner.configFor(r.filePath).agencies);
  const keyOf = (r: FileResult): string | null => {
    const name = r.report?.agency?.replace(/\s+/gu, '');
    return name ? (agencies[name] ?? name) : null;
  };
  const years = new Map<string, Set<number>>();
  for (const r of results) {
    const key = keyOf(r);
    if (key === null || r.report?.year == null) continue;
    let set = years.get(key);
    if (!set) years.set(key, (set = new Set()));
    set.add(r.report.year);
  }
  const paired = results.filter((r) => {
    const key = keyOf(r);
    const year = r.report?.year;
    const set = key === null ? undefined : years.get(key);
    return year != null && set !== undefined && (set.has(year - 1) || set.has(year + 1));
  });
  if (paired.length < 2) return [...results];

  const texts = new Map<string, string>();
  const linted: LintResult[] = [];
  for (const r of paired) {
    const config = runner.configFor(r.filePath);
    let text: string;
    try {
      text = decode(readFileSync(r.filePath)).text;
    } catch {
      continue; // the file went away since: its own result already says what it can
    }
    texts.set(r.filePath, text);
    const lintOptions = {
      uri: r.filePath,
      config,
      ...(options.template ? { template: options.template } : {}),
    };
    linted.push(runner.linterFor(config).lint(text, lintOptions));
  }
  const found = new Map<string, LintResult>();
  for (const c of crossYear(linted, { agencies, config: (uri) => runner.configFor(uri) })) {
    const base = linted.find((l) => l.uri === c.uri);
    if (base && c.diagnostics.length > 0) found.set(c.uri, { ...base, diagnostics: c.diagnostics });
  }
  return results.map((r) => {
    const extra = found.get(r.filePath);
    if (!extra) return r;
    const added = toFileResult(r.filePath, texts.get(r.filePath)!, extra, options).messages;
    const messages: Message[] = [...r.messages, ...added].sort(
      (a, b) => a.line - b.line || a.column - b.column,
    );
    return { ...count(r.filePath, messages, r.output), ...(r.report ? { report: r.report } : {}) };
  });
}
