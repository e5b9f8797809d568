/**
 * Diagnostics about rules files. A pack spans several files, so each one
 * carries the URI of the file it points into.
 */
import type { Diagnostic, Range, Severity } from '@govlint/text';

export interface PackDiagnostic extends Diagnostic {
  readonly uri: string;
}

export type Report = (
  uri: string,
  ruleId: string,
  message: string,
  range: Range,
  severity?: Severity,
) => void;

/** A collector that drops exact repeats (an error inside a quantified rule is found once per instance). */
export function collector(): { readonly diagnostics: PackDiagnostic[]; readonly report: Report } {
  const diagnostics: PackDiagnostic[] = [];
  const seen = new Set<string>();
  const report: Report = (uri, ruleId, message, range, severity = 'error') => {
    const key = `${uri}\u0000${ruleId}\u0000${range.start}:${range.end}\u0000${message}`;
    if (seen.has(key)) return;
    seen.add(key);
    diagnostics.push({ uri, ruleId, severity, message, range });
  };
  return { diagnostics, report };
}
