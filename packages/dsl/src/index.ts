export * from './compiled.js';
