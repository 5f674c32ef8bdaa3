export * from './labels.js';
export * from './taxonomy.js';
export * from './reference.js';
export * from './report-submission.js';
export * from './report-status.js';
export * from './danger-reason.js';
