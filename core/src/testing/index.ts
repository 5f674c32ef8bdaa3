/** Helpers for tests in every workspace (`@relais/core/testing`); never imported by production code. */
export * from './seeded-random.js';
export * from './digest-breakdowns.js';
