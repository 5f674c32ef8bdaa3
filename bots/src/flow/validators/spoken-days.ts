import type { ReportOccurrence } from '@relais/core';
import { addDays, isoDay, type IsoDay } from './calendar.js';

const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['un', 1],
  ['une', 1],
  ['deux', 2],
  ['trois', 3],
  ['quatre', 4],
  ['cinq', 5],
  ['six', 6],
  ['sept', 7],
  ['huit', 8],
  ['neuf', 9],
  ['dix', 10],
  ['quinze', 15],
  ['a', 1],
  ['an', 1],
  ['one', 1],
  ['two', 2],
  ['three', 3],
  ['four', 4],
  ['five', 5],
  ['seven', 7],
  ['eight', 8],
  ['nine', 9],
  ['ten', 10],
  ['fifteen', 15],
]);

/** "il y a 3 jours", "il y a une semaine", "ça fait deux jours", "3 days ago", "two weeks ago". */
const AGO = /^(?:(?:il y a|y a|ca fait|cela fait) (\w+) (jours?|semaines?)|(\w+) (days?|weeks?) ago)$/;

/** "la nuit du 12 au 13 (mars)", "dans la nuit de samedi à dimanche", "the night of the 12th to the 13th". */
const NIGHT =
  /^(?:dans |on |during )?(?:la |the )?(?:nuit|night) (?:du|de|of|from) (?:the )?(.+?) (?:au|a|to|into) (?:the )?(.+)$/;

/** The evening, the night…: dropped when the day alone is readable ("samedi soir" → samedi). */
const PART_OF_DAY =
  /\b(?:(?:au|dans la|en|le|in the|at|during the) )?(?:soir|soiree|matin|matinee|apres midi|apres-midi|nuit|evening|morning|afternoon|night)\b/g;

const ORDINAL = '(\\d{1,2})(?:er|re|e|eme|st|nd|rd|th)?';

/** The last day numbered `dayNo` up to `today` (this month, else an earlier one). */
function lastDayNumbered(dayNo: number, today: IsoDay): IsoDay | undefined {
  if (dayNo < 1 || dayNo > 31) return undefined;
  let year = Number(today.slice(0, 4));
  let month = Number(today.slice(5, 7));
  for (let tries = 0; tries < 3; tries++) {
    const day = isoDay(year, month, dayNo);
    if (day && day <= today) return day;
    month -= 1;
    if (month === 0) [year, month] = [year - 1, 12];
  }
  return undefined;
}

/**
 * Days as people say them, beyond the written forms: "il y a une semaine", "two weeks ago",
 * "le 12" (the last 12th), "la nuit du 12 au 13 mars" (the 12th), "the night of saturday to
 * sunday" (saturday), "samedi soir" (samedi). `readDay` reads the written forms they lead to.
 */
export function readSpokenDay(
  text: string,
  today: IsoDay,
  readDay: (text: string, today: IsoDay) => IsoDay | undefined,
): IsoDay | undefined {
  const ago = AGO.exec(text);
  if (ago) {
    const [count, unit] = ago[1] ? [ago[1], ago[2]!] : [ago[3]!, ago[4]!];
    const n = /^\d{1,3}$/.test(count) ? Number(count) : NUMBER_WORDS.get(count);
    if (n === undefined) return undefined;
    return addDays(today, -n * (/^(?:semaine|week)/.test(unit) ? 7 : 1));
  }
  const onlyDay = new RegExp(`^(?:le |the )${ORDINAL}$|^(\\d{1,2})(?:er|st|nd|rd|th)$`).exec(text);
  if (onlyDay) return lastDayNumbered(Number(onlyDay[1] ?? onlyDay[2]), today);
  const night = NIGHT.exec(text);
  if (night) {
    const [, from, to] = night as unknown as [string, string, string];
    const fromDay = new RegExp(`^${ORDINAL}$`).exec(from);
    if (!fromDay) return readDay(from, today) ?? readSpokenDay(from, today, readDay);
    // "du 12 au 13 mars 2025": the month and year written after the second day.
    const tail = new RegExp(`^${ORDINAL} (.+)$`).exec(to)?.[2];
    return tail ? readDay(`${fromDay[1]} ${tail}`, today) : lastDayNumbered(Number(fromDay[1]), today);
  }
  const withoutPart = text.replace(PART_OF_DAY, ' ').replace(/\s+/g, ' ').trim();
  return withoutPart && withoutPart !== text ? readDay(withoutPart, today) : undefined;
}

const HOURS_AGO =
  /^(?:(?:il y a|y a|ca fait|cela fait) (\d{1,2}|une|deux|trois) ?(h|heures?|min|minutes?)|(\d{1,2}|an|a|one|two|three) (hours?|minutes?|mins?) ago)$/;
const SMALL: Readonly<Record<string, number>> = { une: 1, an: 1, a: 1, one: 1, deux: 2, two: 2, trois: 3, three: 3 };

/** "il y a 2 heures", "il y a 20 min", "an hour ago": today (or yesterday) at that time, to the quarter hour. */
export function readHoursAgo(text: string, today: IsoDay, nowTime: string): ReportOccurrence | undefined {
  const match = HOURS_AGO.exec(text);
  if (!match) return undefined;
  const count = match[1] ?? match[3]!;
  const unit = match[2] ?? match[4]!;
  const n = /^\d+$/.test(count) ? Number(count) : SMALL[count]!;
  const back = unit.startsWith('h') ? n * 60 : n;
  let minutes = Number(nowTime.slice(0, 2)) * 60 + Number(nowTime.slice(3, 5)) - back;
  const date = minutes < 0 ? addDays(today, -1) : today;
  minutes = Math.round((((minutes % 1440) + 1440) % 1440) / 15) * 15;
  if (minutes === 1440) minutes = 1425;
  const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return { precision: 'day', date, time };
}
