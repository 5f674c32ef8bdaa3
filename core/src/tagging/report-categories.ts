import type { ReportSubmission } from '../report/report-submission.js';

const VIOLENCE = new Set(['physical_violence', 'sexual_violence']);

/**
 * The categories a report is filed under, from the answers alone: every act type, plus `violence`
 * (physical or sexual), `online` (online hate, or facts online), `minor` (a minor is the victim),
 * `in_danger` (the person said they still are) and `complaint_help` (they want help to file a
 * complaint). No category comes from the free text.
 */
export function reportCategories(submission: ReportSubmission): string[] {
  const categories = new Set<string>(submission.actTypes);
  if (submission.actTypes.some((a) => VIOLENCE.has(a))) categories.add('violence');
  if (
    submission.location.kind === 'online' ||
    submission.placeType === 'online' ||
    submission.actTypes.includes('online_hate')
  ) {
    categories.add('online');
  }
  if (submission.minorInvolved) categories.add('minor');
  if (submission.inDanger) categories.add('in_danger');
  if (submission.complaint === 'wants_help') categories.add('complaint_help');
  return [...categories];
}
