/**
 * What the server remembers about a report after linting it: the text and
 * version it linted, the LineIndex for that text, and core's result. Hover,
 * symbols, folding and code actions answer from this snapshot.
 */
import type { LintResult } from '@govlint/core';
import type { LineIndex } from '@govlint/text';

export interface LintSnapshot {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  readonly index: LineIndex;
  readonly result: LintResult;
}

/** The snapshots of open reports, by URI. */
export class LintStore {
  private readonly snapshots = new Map<string, LintSnapshot>();

  get(uri: string): LintSnapshot | undefined {
    return this.snapshots.get(uri);
  }

  /** The snapshot only if it was taken of this exact version. */
  current(uri: string, version: number): LintSnapshot | undefined {
    const snapshot = this.snapshots.get(uri);
    return snapshot?.version === version ? snapshot : undefined;
  }

  set(snapshot: LintSnapshot): void {
    this.snapshots.set(snapshot.uri, snapshot);
  }

  delete(uri: string): void {
    this.snapshots.delete(uri);
  }

  /** Every snapshot (the cross-year rules compare open reports). */
  all(): LintSnapshot[] {
    return [...this.snapshots.values()];
  }

  get size(): number {
    return this.snapshots.size;
  }
}
