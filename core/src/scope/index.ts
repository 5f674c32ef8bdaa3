export * from './report-matches-scope.js';
