/**
 * Which severity a finding is reported with. Configuration has the last
 * word; otherwise the rule's severity in the pack (or the engine default).
 */
import type { ConfiguredSeverity, Severity } from '@govlint/text';
import type { ResolvedConfig } from './api.js';

const rank: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export function configuredSeverity(
  ruleId: string,
  config: ResolvedConfig | undefined,
): ConfiguredSeverity | undefined {
  return config?.rules?.[ruleId];
}

export function isRuleOff(ruleId: string, config: ResolvedConfig | undefined): boolean {
  return configuredSeverity(ruleId, config) === 'off';
}

/**
 * A reader finding's severity: the pack's severity is a floor that the
 * reader may raise for a worse case of the same rule (a label matched by a
 * different word is worse than one with a dropped character).
 */
export function findingSeverity(
  ruleDefault: Severity | undefined,
  readerSeverity: Severity,
): Severity {
  if (!ruleDefault) return readerSeverity;
  return rank[readerSeverity] > rank[ruleDefault] ? readerSeverity : ruleDefault;
}
