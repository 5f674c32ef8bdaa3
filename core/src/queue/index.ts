export * from './intake-job.js';
export * from './queue-options.js';
