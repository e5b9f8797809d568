/**
 * Rules the engine itself reports. A pack may declare any of them (as a
 * builtin rule) to change its severity or message; these are the defaults
 * when it does not. Messages use the same `{name}` placeholders as packs.
 */
import type { RuleCategory, Severity } from '@govlint/text';

export interface RuleMeta {
  readonly id: string;
  readonly severity: Severity;
  readonly category: RuleCategory;
  readonly description: string;
  readonly message: string;
  readonly docs: string;
}

export const DOCS_BASE = 'https://github.com/govlint/govlint/blob/main/docs/rules/';

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE}${ruleId}.md`;
}

export const engineRules: readonly RuleMeta[] = [
  {
    id: 'unused-disable-directive',
    severity: 'warning',
    category: 'text',
    description: '未使用的 govlint-disable 指令',
    message: '指令 {directive} 未屏蔽任何问题（{rules}），可以删除',
    docs: 'A `<!-- govlint-disable… -->` comment that suppressed nothing: the problem it hid is gone, or the rule id is wrong.',
  },
  {
    id: 'template-outdated',
    severity: 'error',
    category: 'structure',
    description: '报告使用了已废止的年报格式',
    message:
      '{year} 年度报告使用了旧版格式（{template}）的表格标签“{marker}”，应使用现行格式（{expected}）',
    docs: 'The report year calls for a newer template than the one whose labels the report uses (spec §7.2).',
  },
  {
    id: 'template-mixed',
    severity: 'error',
    category: 'structure',
    description: '报告混用了两个版本的年报格式',
    message: '报告同时含有{templates}两个版本格式的标签（如“{marker}”）',
    docs: 'Labels of two template versions appear in one report (spec §7.2).',
  },
  {
    id: 'template-anachronism',
    severity: 'warning',
    category: 'structure',
    description: '报告年度早于所用格式的施行年度',
    message: '{year} 年度报告使用了 {from} 年起施行的格式（{template}）的标签“{marker}”',
    docs: 'A report for a year before the template existed uses its labels; possible when a report was re-published later (spec §7.2).',
  },
];

const byId = new Map(engineRules.map((r) => [r.id, r]));

export function engineRule(id: string): RuleMeta | undefined {
  return byId.get(id);
}
