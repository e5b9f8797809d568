export * from './range.js';
export * from './line-index.js';
export * from './fold.js';
export * from './diagnostic.js';
export * from './space.js';
