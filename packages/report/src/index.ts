// The model's types only: its zod schemas are the `@govlint/report/model`
// entry, so that a program that reads reports without validating models
// (the CLI, the language server) never loads zod at start-up.
export type { Cell, Finding, Layout, Paragraph, ReportModel, Section, Table } from './model.js';
export { readReport, type ReadOptions } from './read.js';
export { decode, type Decoded, type Encoding } from './decode.js';
export { looksLikeHtml } from './html-view.js';
