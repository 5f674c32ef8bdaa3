export { reportTags, type ReportTags, type ReportTagsOptions } from './report-tags.js';
export { reportPriority, PRIORITY } from './report-priority.js';
export { reportCategories } from './report-categories.js';
export { departementOf } from './postal-geography.js';
export {
  isKnownPostalCode,
  communesOf,
  postalPlace,
  communeLabel,
  type PostalPlace,
  type Commune,
} from './postal-communes.js';
export { editDistance } from './edit-distance.js';
export { communesNamed, communeKey, type NamedCommune } from './commune-lookup.js';
export {
  textFingerprint,
  fingerprintSimilarity,
  FINGERPRINT_SLOTS,
  NEAR_IDENTICAL_SIMILARITY,
  NEAR_IDENTICAL_MIN_EQUAL_SLOTS,
} from './text-fingerprint.js';
export { noPiiDetector, storedPiiFindings, type DetectedPii, type PiiDetector } from './pii-findings.js';
