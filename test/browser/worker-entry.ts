/**
 * What the browser test runs inside a Web Worker, the closest a browser
 * comes to VS Code's web extension host: no DOM, no Node. It is bundled for
 * the browser as it is, so a Node-only import anywhere below `@govlint/core`
 * fails the build, and a Node global used at run time fails the lint.
 */
import { createLinter } from '@govlint/core';
import { decode } from '@govlint/report';

/** A report as text, or as the bytes of a file (decoded here, by the browser's TextDecoder). */
export interface BrowserInput {
  readonly uri: string;
  readonly text?: string;
  readonly bytes?: readonly number[];
}

interface WorkerScope {
  onmessage: ((event: { data: readonly BrowserInput[] }) => void) | null;
  postMessage(data: unknown): void;
}

const scope = globalThis as unknown as WorkerScope;

scope.onmessage = ({ data }) => {
  // The packs are compiled here from their DSL source: the parser runs in the browser too.
  const linter = createLinter();
  const results = data.map(({ uri, text, bytes }) => ({
    uri,
    // JSON, so that the two sides compare as the same plain data.
    diagnostics: JSON.parse(
      JSON.stringify(
        linter.lint(text ?? decode(Uint8Array.from(bytes ?? [])).text, { uri }).diagnostics,
      ),
    ) as unknown,
  }));
  scope.postMessage(results);
};
