/**
 * The one place the moderation service takes PII detection from (`@relais/core`), so swapping or
 * wrapping the detector is a one-line change.
 */
export { detectPii, redact, isHighConfidence, type PiiFinding } from '@relais/core';
