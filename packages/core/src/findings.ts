/**
 * The reader's structural findings (table-missing, cell-blank, …) rendered
 * through the pack: the pack's message template filled with the finding's
 * data, the configured severity, the docs link. The reader's own message is the
 * fallback when the pack has no such rule or its template names a value the
 * finding does not carry.
 */
import type { ReportModel } from '@govlint/report';
import type { Diagnostic, Severity } from '@govlint/text';
import type { ResolvedConfig } from './api.js';
import { docsUrl, engineRule, type RuleMeta } from './engine-rules.js';
import { type MessageValues, renderMessage } from './messages.js';
import { configuredSeverity } from './severity.js';

type Finding = ReportModel['findings'][number];

export function findingDiagnostics(
  findings: readonly Finding[],
  ruleOf: (id: string) => RuleMeta | undefined,
  config: ResolvedConfig | undefined,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const f of findings) {
    const configured = configuredSeverity(f.ruleId, config);
    if (configured === 'off') continue;
    const rule = ruleOf(f.ruleId) ?? engineRule(f.ruleId);
    // The reader already applied the pack's severity (it reads guided by the
    // template) and may choose another for a case of the rule, as for a
    // label matched by a different word rather than a dropped character.
    const severity: Severity = configured ?? f.severity;
    const message = (rule && renderMessage(rule.message, placeholderValues(f))) || f.message;
    out.push({
      ruleId: f.ruleId,
      severity,
      message,
      range: f.range,
      docsUrl: docsUrl(f.ruleId),
      ...(f.data ? { data: f.data } : {}),
    });
  }
  return out;
}

/** Strings and numbers as they are; lists joined the Chinese way. */
function placeholderValues(f: Finding): MessageValues {
  const values: Record<string, string | number> = { message: f.message };
  for (const [key, v] of Object.entries(f.data ?? {})) {
    if (typeof v === 'string' || typeof v === 'number') values[key] = v;
    else if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number'))
      values[key] = v.join('、');
  }
  return values;
}
