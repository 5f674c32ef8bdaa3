export { isHighConfidence } from './confidence.js';
export { detectPii } from './detect-pii.js';
export { PII_KINDS, type PiiFinding, type PiiKind } from './pii-finding.js';
export { redact } from './redact.js';
