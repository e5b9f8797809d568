/**
 * Debounces linting per document: while the user types, only the last
 * change within `delayMs` is linted. A run that finds the document at a
 * newer version than it was scheduled for is dropped, and so is a run for a
 * document closed meanwhile (the caller checks both: see `isCurrent`).
 */
export class LintScheduler {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    /** Quiet time after the last change; settings may change it. */
    public delayMs: number,
    private readonly run: (uri: string) => void,
  ) {}

  /** Lint `uri` after the delay, replacing any run already waiting for it. */
  schedule(uri: string, delayMs = this.delayMs): void {
    this.cancel(uri);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        this.run(uri);
      }, delayMs),
    );
  }

  cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(uri);
  }

  /** Whether a run is waiting for `uri`. */
  pending(uri: string): boolean {
    return this.timers.has(uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
