import type { RuleInfo } from '@govlint/core';
import type { FileResult } from '../results.js';

export interface FormatContext {
  /** Paths are shown relative to it where they are inside it. */
  readonly cwd: string;
  /** ANSI colours (stylish only): a TTY without NO_COLOR. */
  readonly color: boolean;
  /** The rule catalogue, for rule metadata (SARIF). */
  readonly rules: readonly RuleInfo[];
  readonly version: string;
}

/** A formatter is a pure function from results to the text to print. */
export type Formatter = (results: readonly FileResult[], context: FormatContext) => string;
