/**
 * The work the browser test does on both sides, in a Web Worker and on
 * Node: one function, so that only the platform differs.
 */
import { createLinter } from '@govlint/core';
import { decode } from '@govlint/report';

/** A report as text, or as the bytes of a file (decoded by the platform's TextDecoder). */
export interface BrowserInput {
  readonly uri: string;
  readonly text?: string;
  readonly bytes?: readonly number[];
}

export interface BrowserResult {
  readonly uri: string;
  /** As JSON data, so that the two sides compare as the same plain values. */
  readonly diagnostics: unknown;
}

/** Compiles the built-in packs from their DSL source, then lints each input. */
export function lintInputs(inputs: readonly BrowserInput[]): BrowserResult[] {
  const linter = createLinter();
  return inputs.map(({ uri, text, bytes }) => {
    const source = text ?? decode(Uint8Array.from(bytes ?? [])).text;
    const { diagnostics } = linter.lint(source, { uri });
    return { uri, diagnostics: JSON.parse(JSON.stringify(diagnostics)) as unknown };
  });
}
