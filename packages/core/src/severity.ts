/**
 * Which severity a finding is reported with. Configuration has the last
 * word; otherwise the rule's severity in the pack (or the engine default).
 */
import type { ConfiguredSeverity } from '@govlint/text';
import type { ResolvedConfig } from './api.js';

export function configuredSeverity(
  ruleId: string,
  config: ResolvedConfig | undefined,
): ConfiguredSeverity | undefined {
  return config?.rules?.[ruleId];
}
