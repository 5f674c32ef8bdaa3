/** Time zone of digests: weeks run Monday 00:00 to Sunday 24:00, Paris time. */
export const DIGEST_TIME_ZONE = 'Europe/Paris';

/** An ISO 8601 week such as `2026-W47`. */
export const ISO_WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;

const DAY_MS = 86_400_000;

function offsetMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((local - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** The calendar date (`YYYY-MM-DD`) of an instant in `timeZone`. */
export function localDate(instant: Date, timeZone = DIGEST_TIME_ZONE): string {
  return new Date(instant.getTime() + offsetMinutes(instant, timeZone) * 60_000).toISOString().slice(0, 10);
}

/** The instant a calendar date (`YYYY-MM-DD`) starts in `timeZone` (handles summer time). */
export function startOfLocalDay(date: string, timeZone = DIGEST_TIME_ZONE): Date {
  const guess = Date.parse(`${date}T00:00:00Z`);
  const first = offsetMinutes(new Date(guess), timeZone);
  let instant = guess - first * 60_000;
  const second = offsetMinutes(new Date(instant), timeZone);
  if (second !== first) instant = guess - second * 60_000;
  return new Date(instant);
}

/** The ISO week (`2026-W47`) a calendar date belongs to. */
export function isoWeekOfDate(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  const weekday = (day.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = new Date(day.getTime() + (3 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The ISO week an instant falls in, Paris time. */
export function isoWeekOf(instant: Date, timeZone = DIGEST_TIME_ZONE): string {
  return isoWeekOfDate(localDate(instant, timeZone));
}

/** The Monday (`YYYY-MM-DD`) of an ISO week. Throws RangeError for a malformed week. */
export function mondayOf(isoWeek: string): string {
  const match = ISO_WEEK_PATTERN.exec(isoWeek);
  const week = Number(match?.[2]);
  if (!match || week < 1 || week > 53) throw new RangeError(`not an ISO week: ${isoWeek} (expected e.g. 2026-W47)`);
  const jan4 = Date.UTC(Number(match[1]), 0, 4);
  const mondayOfWeek1 = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
  const monday = new Date(mondayOfWeek1 + (week - 1) * 7 * DAY_MS).toISOString().slice(0, 10);
  if (isoWeekOfDate(monday) !== isoWeek) throw new RangeError(`${isoWeek} does not exist`);
  return monday;
}

/** The ISO week `n` weeks after (negative: before) `isoWeek`. */
export function addWeeks(isoWeek: string, n: number): string {
  const monday = Date.parse(`${mondayOf(isoWeek)}T00:00:00Z`);
  return isoWeekOfDate(new Date(monday + n * 7 * DAY_MS).toISOString().slice(0, 10));
}

/** Start (inclusive) and end (exclusive) instants of an ISO week in `timeZone`. */
export function weekBounds(isoWeek: string, timeZone = DIGEST_TIME_ZONE): { start: Date; end: Date } {
  const monday = mondayOf(isoWeek);
  const nextMonday = new Date(Date.parse(`${monday}T00:00:00Z`) + 7 * DAY_MS).toISOString().slice(0, 10);
  return { start: startOfLocalDay(monday, timeZone), end: startOfLocalDay(nextMonday, timeZone) };
}

/** The last complete ISO week before `now` (what Monday's digest covers). */
export function previousIsoWeek(now: Date, timeZone = DIGEST_TIME_ZONE): string {
  return addWeeks(isoWeekOf(now, timeZone), -1);
}
