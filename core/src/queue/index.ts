export * from './intake-job.js';
export * from './queue-options.js';
export * from './outbound-job.js';
export * from './maintenance-job.js';
export * from './digest-job.js';
export * from './job-options.js';
