export * from './langs.js';
export * from './detect-lang.js';
