import type { Keyring } from '../crypto/keyring.js';
import type { ReportSubmission } from '../report/report-submission.js';
import { storedPiiFindings, type DetectedPii, type PiiDetector } from './pii-findings.js';
import { communeLabel, postalPlace } from './postal-communes.js';
import { departementOf } from './postal-geography.js';
import { reportCategories } from './report-categories.js';
import { reportPriority } from './report-priority.js';
import { textFingerprint } from './text-fingerprint.js';

/** Every tag intake computes for a report from its opened content (what the person answered). */
export interface ReportTags {
  /** The commune(s) of the postal code (`communeLabel`), when the shipped data knows the code. */
  readonly commune: string | null;
  /** The département of the postal code: from its communes when known, else from its digits. */
  readonly departement: string | null;
  /** Queue priority (`PRIORITY`). */
  readonly priority: number;
  readonly categories: readonly string[];
  /** Identifying details in the free text: kinds and offsets, never the text. */
  readonly piiFindings: readonly DetectedPii[];
  /** Keyed MinHash of the free text (`textFingerprint`), or null for a text with no words. */
  readonly textFingerprint: string | null;
}

/** What {@link reportTags} needs beside the report. */
export interface ReportTagsOptions {
  /** The keyring whose hashing key keys the text fingerprint. */
  readonly keyring: Keyring;
  /** Finds PII in the free text: core's `detectPii`, or `noPiiDetector`. */
  readonly detectPii: PiiDetector;
  /** The time of intake (priority counts recent facts from it). */
  readonly now: Date;
}

/**
 * All the tags of a report, computed at intake from its opened content: commune and département of
 * its postal code, categories, priority, PII offsets and the keyed text fingerprint. Pure but for
 * `detectPii`; the tunnel (kept only when a partner scope knows it) and the duplicate link need the
 * database and are the intake's to add.
 */
export function reportTags(submission: ReportSubmission, options: ReportTagsOptions): ReportTags {
  const location = submission.location;
  const postalCode = location.kind === 'fr' ? location.postalCode : null;
  const place = postalCode ? postalPlace(postalCode) : undefined;
  return {
    commune: place ? communeLabel(place) : null,
    departement: place?.departement ?? (postalCode ? (departementOf(postalCode) ?? null) : null),
    priority: reportPriority(submission, options.now),
    categories: reportCategories(submission),
    piiFindings: storedPiiFindings(options.detectPii, submission.description),
    textFingerprint: textFingerprint(options.keyring, submission.description) ?? null,
  };
}
