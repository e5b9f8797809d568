export * from './model.js';
export { readReport, type ReadOptions } from './read.js';
export { decode, type Decoded, type Encoding } from './decode.js';
export { looksLikeHtml } from './html-view.js';
