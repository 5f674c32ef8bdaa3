import type { ReportSubmission } from '../report/report-submission.js';

/** Priority levels of the moderation queue. */
export const PRIORITY = { normal: 0, high: 1, urgent: 2 } as const;

const SERIOUS_ACTS = new Set(['physical_violence', 'sexual_violence']);
const RECENT_MS = 48 * 3600 * 1000;

function isRecent(submission: ReportSubmission, now: Date): boolean {
  const occurred = submission.occurred;
  if (!occurred || occurred.precision !== 'day') return false;
  return now.getTime() - Date.parse(`${occurred.date}T23:59:59Z`) <= RECENT_MS;
}

/**
 * The queue priority of a new report: urgent when the person is still in danger or a minor
 * suffered violence; high for physical or sexual violence, a minor, or facts of the last 48 hours.
 */
export function reportPriority(submission: ReportSubmission, now: Date): number {
  const serious = submission.actTypes.some((a) => SERIOUS_ACTS.has(a));
  if (submission.inDanger || (submission.minorInvolved && serious)) return PRIORITY.urgent;
  if (serious || submission.minorInvolved || isRecent(submission, now)) return PRIORITY.high;
  return PRIORITY.normal;
}
