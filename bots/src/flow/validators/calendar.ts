/** A calendar day as `YYYY-MM-DD`. */
export type IsoDay = string;

const parisDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The day it is in France (Europe/Paris) at `now`, as `YYYY-MM-DD`. */
export function todayInFrance(now: Date): IsoDay {
  return parisDay.format(now);
}

/** `day` moved by `days` (negative: earlier). */
export function addDays(day: IsoDay, days: number): IsoDay {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` for a real calendar date, or undefined (31 February, month 13…). */
export function isoDay(year: number, month: number, day: number): IsoDay | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

/** Day of the week of `day`, 0 = Sunday. */
export function weekdayOf(day: IsoDay): number {
  return new Date(`${day}T12:00:00Z`).getUTCDay();
}

/** `YYYY-MM` of the month `offset` months before the month of `day` (0: that month). */
export function monthBefore(day: IsoDay, offset: number): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7)) - 1 - offset;
  const date = new Date(Date.UTC(year, month, 1));
  return date.toISOString().slice(0, 7);
}

const parisTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The time it is in France (Europe/Paris) at `now`, as `HH:MM`. */
export function timeInFrance(now: Date): string {
  return parisTime.format(now);
}
