export * from './iso-week.js';
export * from './published-count.js';
export * from './small-counts.js';
export * from './digest-content.js';
export * from './build-digest.js';
export * from './publish-digest.js';
export * from './linked-suppression.js';
export * from './publish-breakdowns.js';
