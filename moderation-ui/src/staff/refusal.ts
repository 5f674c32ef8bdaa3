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
        `Someone else changed this report since you opened it (it is now at version ${result.currentVersion}). Nothing was overwritten: reload the report, then apply your change again.`,
        { currentVersion: result.currentVersion },
      );
    case 'not_claimed':
      return new HttpError(
        409,
        'NOT_CLAIMED',
        result.claimedBy
          ? `Another moderator has claimed this report until ${result.claimedUntil?.toISOString()}; you cannot change it meanwhile.`
          : 'Claim this report first (your claim may have expired).',
        { claimedBy: result.claimedBy, claimedUntil: result.claimedUntil?.toISOString() ?? null },
      );
    case 'wrong_status':
      return new HttpError(409, 'WRONG_STATUS', `This report is "${result.status}": this action is not possible in that status.`, { status: result.status });
  }
}
