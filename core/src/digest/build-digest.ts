import type { Breakdowns, DigestContent } from './digest-content.js';
import { addWeeks, isoWeekOfDate, mondayOf } from './iso-week.js';

/** What {@link buildDigestContent} assembles: the figures the database returned for one partner. */
export interface DigestInput {
  readonly isoWeek: string;
  readonly partner: { readonly id: string; readonly name: string };
  readonly week: Breakdowns;
  readonly history: Breakdowns;
  /** Released reports per week, keyed by the Monday (`YYYY-MM-DD`) of the week. */
  readonly weekly: ReadonlyMap<string, number>;
}

/** Number of weeks before the digest's week that it compares with. */
export const DIGEST_HISTORY_WEEKS = 12;

/** Assembles the stored content of a weekly digest (13-week trend, zero weeks included; no report). */
export function buildDigestContent(input: DigestInput): DigestContent {
  const monday = mondayOf(input.isoWeek);
  const sunday = new Date(Date.parse(`${monday}T00:00:00Z`) + 6 * 86_400_000).toISOString().slice(0, 10);
  const trend = [];
  for (let back = DIGEST_HISTORY_WEEKS; back >= 0; back--) {
    const isoWeek = addWeeks(input.isoWeek, -back);
    trend.push({ isoWeek, total: input.weekly.get(mondayOf(isoWeek)) ?? 0 });
  }
  if (isoWeekOfDate(monday) !== input.isoWeek) throw new RangeError(`inconsistent week ${input.isoWeek}`);
  return {
    v: 2,
    isoWeek: input.isoWeek,
    period: { from: monday, to: sunday },
    partner: input.partner,
    week: input.week,
    previous12Weeks: input.history,
    trend,
  };
}
