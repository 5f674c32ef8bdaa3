import type { ReportOccurrence } from '@relais/core';
import { addDays, isoDay, monthBefore, weekdayOf, type IsoDay } from './calendar.js';
import { MONTH_NAMES, WEEKDAY_NAMES } from './month-names.js';
import { normaliseText } from './normalise-text.js';
import { readHoursAgo, readSpokenDay } from './spoken-days.js';
import { takeTimeOfDay } from './time-of-day.js';

/** The outcome of reading a typed date: an occurrence, or why it was refused. */
type OccurrenceAnswer =
  | { readonly ok: true; readonly occurrence: ReportOccurrence }
  /** `timeOnly`: an hour without a day ("vers 22h"). */
  | { readonly ok: false; readonly reason: 'unreadable' | 'future' | 'timeOnly' };

const EARLIEST_YEAR = 1950;

/** An evening or a night named with an hour: an hour after midnight is on the next day. */
const AFTER_MIDNIGHT = /\b(?:soir|soiree|nuit|evening|night|tonight)\b/;
const RELATIVE_DAYS: ReadonlyMap<string, number> = new Map([
  ["aujourd'hui", 0],
  ['aujourdhui', 0],
  ['auj', 0],
  ['today', 0],
  ['ce matin', 0],
  ['ce soir', 0],
  ['cet apres-midi', 0],
  ['this morning', 0],
  ['this afternoon', 0],
  ['tonight', 0],
  ['this evening', 0],
  ["tout a l'heure", 0],
  ['tout a lheure', 0],
  ["a l'instant", 0],
  ['just now', 0],
  ['earlier today', 0],
  ['hier', -1],
  ['hier soir', -1],
  ['hier matin', -1],
  ['yesterday', -1],
  ['last night', -1],
  ['cette nuit', -1],
  ['avant-hier', -2],
  ['avant hier', -2],
  ['the day before yesterday', -2],
]);
const FILLERS =
  /\b(?:le|la|du|en|on|the|of|in|a|vers|around|about|environ|debut|fin|mi|early|late|mid|dernier|derniere|last|passe|passee)\b/g;

const day = (date: IsoDay): ReportOccurrence => ({ precision: 'day', date });
const month = (value: string): ReportOccurrence => ({ precision: 'month', month: value });

function yearOf(raw: string | undefined, fallback: number): number | undefined {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  return raw.length === 2 ? 2000 + n : n;
}

/** A day without a year is the last such day up to today. */
function dayWithoutYear(monthNo: number, dayNo: number, today: IsoDay): IsoDay | undefined {
  const year = Number(today.slice(0, 4));
  const thisYear = isoDay(year, monthNo, dayNo);
  if (thisYear && thisYear <= today) return thisYear;
  return isoDay(year - 1, monthNo, dayNo);
}

function fromDayMonthYear(a: number, b: number, rawYear: string | undefined, today: IsoDay): IsoDay | undefined {
  // Day first (as written in France and the UK) unless only month first makes a date.
  const [d, m] = a > 12 || b <= 12 ? [a, b] : [b, a];
  if (rawYear === undefined) return dayWithoutYear(m, d, today);
  const year = yearOf(rawYear, 0);
  return year === undefined ? undefined : isoDay(year, m, d);
}

function readDay(text: string, today: IsoDay): IsoDay | undefined {
  const relative = RELATIVE_DAYS.get(text);
  if (relative !== undefined) return addDays(today, relative);
  const ago = /^(?:il y a )?(\d{1,3}) (?:jours?|days?)(?: ago)?$/.exec(text);
  if (ago) return addDays(today, -Number(ago[1]));
  const weekday = WEEKDAY_NAMES.get(text.replace(FILLERS, '').trim());
  if (weekday !== undefined) {
    const back = (weekdayOf(today) - weekday + 7) % 7 || 7;
    return addDays(today, -back);
  }
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (iso) return isoDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const numeric = /^(\d{1,2})[/.\- ](\d{1,2})(?:[/.\- ](\d{4}|\d{2}))?$/.exec(text);
  if (numeric) return fromDayMonthYear(Number(numeric[1]), Number(numeric[2]), numeric[3], today);
  const words = text
    .replace(/,/g, ' ')
    .replace(/\b(\d{1,2})(?:er|re|e|eme|st|nd|rd|th)\b/g, '$1')
    .split(' ')
    .filter((w) => w !== '' && !WEEKDAY_NAMES.has(w) && !/^(?:le|the|of|on)$/.test(w));
  const [w1, w2, w3] = words;
  if (words.length < 2 || words.length > 3 || w1 === undefined || w2 === undefined) return undefined;
  // "12 mars 2025" or "March 12, 2025".
  const dayFirst = MONTH_NAMES.get(w2) !== undefined && /^\d{1,2}$/.test(w1);
  const monthFirst = MONTH_NAMES.get(w1) !== undefined && /^\d{1,2}$/.test(w2);
  if (!dayFirst && !monthFirst) return undefined;
  const monthNo = MONTH_NAMES.get(dayFirst ? w2 : w1)!;
  const dayNo = Number(dayFirst ? w1 : w2);
  if (w3 !== undefined && !/^(\d{4}|\d{2})$/.test(w3)) return undefined;
  if (w3 === undefined) return dayWithoutYear(monthNo, dayNo, today);
  return isoDay(yearOf(w3, 0)!, monthNo, dayNo);
}

/** "le mois dernier", "last month", "ce mois-ci", "this month": a month said relative to today. */
const RELATIVE_MONTHS: readonly (readonly [RegExp, number])[] = [
  [/^(?:le |au cours du |pendant le |durant le )?mois (?:dernier|passe)$|^(?:last|past) month$|^the month before$/, 1],
  [/^(?:ce mois ?-?ci|ce mois|this month|earlier this month)$/, 0],
];

function readMonth(text: string, today: IsoDay): string | undefined {
  for (const [pattern, offset] of RELATIVE_MONTHS) if (pattern.test(text)) return monthBefore(today, offset);
  const monthYear = /^(\d{1,2})[/.\- ](\d{4})$/.exec(text);
  const yearMonth = /^(\d{4})[-/.](\d{1,2})$/.exec(text);
  const pair = monthYear ? [monthYear[1], monthYear[2]] : yearMonth ? [yearMonth[2], yearMonth[1]] : undefined;
  if (pair) {
    const monthNo = Number(pair[0]);
    return monthNo >= 1 && monthNo <= 12 ? `${pair[1]}-${String(monthNo).padStart(2, '0')}` : undefined;
  }
  const words = text
    .replace(FILLERS, ' ')
    .replace(/[,-]/g, ' ')
    .split(' ')
    .filter((w) => w !== '');
  const [w1, w2] = words;
  if (w1 === undefined || words.length > 2) return undefined;
  const monthNo = MONTH_NAMES.get(w1);
  if (monthNo === undefined) return undefined;
  const mm = String(monthNo).padStart(2, '0');
  if (w2 !== undefined) return /^\d{4}$/.test(w2) ? `${w2}-${mm}` : undefined;
  const thisYear = `${today.slice(0, 4)}-${mm}`;
  return thisYear <= today.slice(0, 7) ? thisYear : `${Number(today.slice(0, 4)) - 1}-${mm}`;
}

/**
 * Reads a date typed in a common French or English form: "12/03/2025", "12.03.25", "2025-03-12",
 * "12 mars", "1er mars 2025", "March 12, 2025", "hier", "yesterday", "avant-hier", "samedi dernier",
 * "il y a 3 jours", "il y a une semaine", "la nuit du 12 au 13", "le 12", "il y a 2 heures"; with a time of day when
 * one is given ("hier soir vers 22h", "samedi dernier vers minuit", "last saturday around
 * midnight": see `takeTimeOfDay`); or a month: "03/2025", "mars 2025", "début mars", "March".
 * Refuses dates (and, today, times) after `today` / `nowTime` (`HH:MM`), and dates before 1950.
 */
export function parseOccurrence(input: string, today: IsoDay, nowTime?: string): OccurrenceAnswer {
  const typed = normaliseText(input)
    .replace(/[.!?]+$/, '')
    .replace(/[,;]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (typed.length === 0 || typed.length > 60) return { ok: false, reason: 'unreadable' };
  const hoursAgo = nowTime ? readHoursAgo(typed, today, nowTime) : undefined;
  if (hoursAgo) return { ok: true, occurrence: hoursAgo };
  const { rest: text, time } = takeTimeOfDay(typed);
  if (time !== undefined && text === '') return { ok: false, reason: 'timeOnly' };
  let date = readDay(text, today) ?? readSpokenDay(text, today, readDay);
  if (date !== undefined) {
    if (Number(date.slice(0, 4)) < EARLIEST_YEAR) return { ok: false, reason: 'unreadable' };
    // "la nuit du 12 au 13 vers 2h", "hier soir vers 1h": past midnight, so the next day (midnight itself stays on the day said).
    if (time && time > '00:00' && time < '06:00' && AFTER_MIDNIGHT.test(typed)) date = addDays(date, 1);
    if (date > today || (date === today && time && nowTime && time > nowTime)) return { ok: false, reason: 'future' };
    return { ok: true, occurrence: time ? { precision: 'day', date, time } : day(date) };
  }
  const value = readMonth(text, today);
  if (value === undefined || Number(value.slice(0, 4)) < EARLIEST_YEAR) return { ok: false, reason: 'unreadable' };
  return value > monthBefore(today, 0) ? { ok: false, reason: 'future' } : { ok: true, occurrence: month(value) };
}
