export { main } from './main.js';
export { formatters, type FormatContext, type Formatter } from './formatters/index.js';
export type { FileResult, Message } from './results.js';
