/**
 * The cross-year rules among open reports: when an editor has two years of
 * one agency open, each report is compared with the year before (core's
 * crossYear). After every lint, the reports whose cross-year findings
 * changed are published again, so editing last year's report updates this
 * year's. A report that is closed stops taking part at the next lint.
 */
import { crossYear, type FileConfig } from '@govlint/core';
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { toLspDiagnostic } from './convert.js';
import { reportDiagnostics } from './handlers/diagnostics.js';
import type { LintSnapshot, LintStore } from './lint-state.js';

export interface Publication {
  readonly snapshot: LintSnapshot;
  readonly diagnostics: LspDiagnostic[];
}

export class CrossYearTracker {
  /** What each report's cross-year findings were when last published. */
  private readonly published = new Map<string, string>();

  /**
   * The diagnostics to publish after `changed` was linted: its own, and
   * those of any other open report whose cross-year findings changed.
   */
  update(
    store: LintStore,
    changed: string,
    configOf: (uri: string) => FileConfig | undefined,
  ): Publication[] {
    const snapshots = store.all().filter((s) => s.result.model?.isReport);
    const agencies: Record<string, string> = {};
    for (const s of snapshots) Object.assign(agencies, configOf(s.uri)?.agencies);
    const found = new Map(
      crossYear(
        snapshots.map((s) => s.result),
        { agencies, config: configOf },
      ).map((r) => [r.uri, r.diagnostics]),
    );
    const out: Publication[] = [];
    for (const snapshot of store.all()) {
      const cross = found.get(snapshot.uri) ?? [];
      const key = JSON.stringify(cross.map((d) => [d.ruleId, d.range, d.message]));
      if (snapshot.uri !== changed && key === (this.published.get(snapshot.uri) ?? '[]')) continue;
      this.published.set(snapshot.uri, key);
      out.push({
        snapshot,
        diagnostics: [
          ...reportDiagnostics(snapshot),
          ...(snapshot.result.model?.isReport
            ? cross.map((d) => toLspDiagnostic(d, snapshot.index, snapshot.uri, snapshot.version))
            : []),
        ],
      });
    }
    return out;
  }

  forget(uri: string): void {
    this.published.delete(uri);
  }
}
