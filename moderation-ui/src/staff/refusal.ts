import type { ModerationResult } from '@relais/db';
import { HttpError, notFound } from '../http/http-error.js';

/** Turns a refused moderation change into the HTTP error a moderator understands. */
export function refusalError(result: Exclude<ModerationResult, { ok: true }>): HttpError {
  switch (result.reason) {
    case 'not_found':
      return notFound();
    case 'version_conflict':
      return new HttpError(
        409,
        'VERSION_CONFLICT',
        'error.versionConflict',
        { version: result.currentVersion },
        { currentVersion: result.currentVersion },
      );
    case 'not_claimed':
      return new HttpError(
        409,
        'NOT_CLAIMED',
        result.claimedBy ? 'error.claimedByOther' : 'error.notClaimed',
        { until: result.claimedUntil?.toISOString() ?? '' },
        { claimedBy: result.claimedBy, claimedUntil: result.claimedUntil?.toISOString() ?? null },
      );
    case 'wrong_status':
      return new HttpError(
        409,
        'WRONG_STATUS',
        'error.wrongStatus',
        { status: result.status },
        { status: result.status },
      );
  }
}
