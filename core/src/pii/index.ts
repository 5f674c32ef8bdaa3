export { HIGH_CONFIDENCE_PII_KINDS, HIGH_CONFIDENCE_THRESHOLD, isHighConfidence } from './confidence.js';
export { detectPii } from './detect-pii.js';
export { ibanValid } from './iban.js';
export { luhnValid } from './luhn.js';
export { nirKeyValid } from './nir.js';
export { PII_KINDS, type PiiFinding, type PiiKind } from './pii-finding.js';
export { redact } from './redact.js';
