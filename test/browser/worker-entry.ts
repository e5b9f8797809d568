/**
 * What the browser test runs inside a Web Worker, the closest a browser
 * comes to VS Code's web extension host: no DOM, no Node. It is bundled for
 * the browser as it is, so a Node-only import anywhere below `@govlint/core`
 * fails the build, and a Node global used at run time fails the lint.
 */
import { type BrowserInput, lintInputs } from './lint-inputs.js';

interface WorkerScope {
  onmessage: ((event: { data: readonly BrowserInput[] }) => void) | null;
  postMessage(data: unknown): void;
}

const scope = globalThis as unknown as WorkerScope;

scope.onmessage = ({ data }) => scope.postMessage(lintInputs(data));
