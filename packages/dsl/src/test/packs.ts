// Test helpers: the real rules files, read from the repository, and a small
// harness that compiles a snippet inside a minimal template.
import { readFileSync, readdirSync } from 'node:fs';
import { LineIndex } from '@govlint/text';
import { compilePack, type SourceFile } from '../pack.js';
import type { PackDiagnostic } from '../diagnostics.js';

export const rulesDir = new URL('../../../../rules/', import.meta.url);

export function packFiles(dir: string): SourceFile[] {
  const base = new URL(`${dir}/`, rulesDir);
  return readdirSync(base)
    .filter((f) => f.endsWith('.govlint'))
    .sort()
    .map((f) => ({ uri: `rules/${dir}/${f}`, text: readFileSync(new URL(f, base), 'utf8') }));
}

export function realPack(): SourceFile[] {
  return [...packFiles('gov-2021'), ...packFiles('gov-2019')];
}

/** A minimal valid template that snippets can add tables and rules to. */
export const MINI = `template mini {
  title "测试模板"
  document "测试"
  years 2021..
}
section 一 "一、总体情况"
section 三 "三、收到和处理政府信息公开申请情况"
table T "测试表" in section 三 {
  columns count { A "甲" group G "乙组" { B "乙" C "丙" } S "合计" }
  rows {
    r1 "第一行"
    group g "分组" { r2 "第二行" r3 "第三行" rt "小计" total }
    r4 "第四行"
  }
}
table M "金额表" in section 三 {
  columns amount "万元" { X "金额" }
  rows { m1 "收费" }
}
table One "单行表" in section 三 {
  columns count { P "甲" Q "乙" }
  rows { V "" }
}
`;

export const RULE_HEAD = `severity error category arithmetic description "d"`;

export function compileSnippet(snippet: string): ReturnType<typeof compilePack> {
  return compilePack([{ uri: 'mini.govlint', text: MINI + snippet }]);
}

/** Diagnostics as `ruleId@line:col-line:col text` (1-based), for exact-range assertions. */
export function located(
  text: string,
  diagnostics:
    | readonly PackDiagnostic[]
    | readonly { ruleId: string; range: { start: number; end: number } }[],
): string[] {
  const idx = new LineIndex(text);
  return diagnostics.map((d) => {
    const a = idx.lineColumn(d.range.start);
    const b = idx.lineColumn(d.range.end);
    return `${d.ruleId}@${a.line}:${a.column}-${b.line}:${b.column} ${text.slice(d.range.start, d.range.end)}`;
  });
}
