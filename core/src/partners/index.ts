export * from './partner-fields.js';
export * from './facts-month.js';
