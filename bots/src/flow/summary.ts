import {
  ACT_TYPES,
  COMPLAINT_STATUSES,
  MOTIVES,
  PLACE_TYPES,
  REPORTER_ROLES,
  communesOf,
  postalPlace,
  type Lang,
  type ReportLocation,
  type ReportOccurrence,
  type TaxonomyEntry,
} from '@relais/core';
import { translate, type MessageKey } from '../i18n/catalog.js';
import type { FlowAnswers, FlowState } from './flow-types.js';
import { DATE_LOCALES, formatDay, formatMonth } from '../i18n/format-dates.js';

/** How much of the description the summary shows (it can be long; the whole text is kept). */
const STORY_PREVIEW = 300;

function labelsOf(
  lang: Lang,
  entries: readonly TaxonomyEntry[],
  codes: readonly string[] | undefined,
): string | undefined {
  if (!codes?.length) return undefined;
  return codes.map((code) => entries.find((e) => e.code === code)?.labels[lang] ?? code).join(', ');
}

/** A time of day (`HH:MM`) as said: "22 h", "22 h 30", "minuit" / "10 pm", "10:30 pm", "midnight". */
export function formatTime(lang: Lang, time: string): string {
  const [hour, minutes] = [Number(time.slice(0, 2)), time.slice(3, 5)];
  if (minutes === '00' && (hour === 0 || hour === 12)) return translate(lang, hour === 0 ? 'timeMidnight' : 'timeNoon');
  // English says the hour on a 12-hour clock ("10 pm"), French on 24 hours ("22 h").
  const twelve = lang === 'en';
  const params = {
    hour: String(twelve ? hour % 12 || 12 : hour),
    minutes,
    meridiem: twelve ? (hour < 12 ? 'am' : 'pm') : '',
  };
  return translate(lang, minutes === '00' ? 'timeValue' : 'timeMinutesValue', params);
}

const shortDays = new Map<Lang, Intl.DateTimeFormat>();

/** A day without its year when it is this year's: "1er décembre", "1 December"; else "12 mars 2025". */
function shortDay(lang: Lang, day: string, today: string): string {
  if (day.slice(0, 4) !== today.slice(0, 4)) return formatDay(lang, day);
  let format = shortDays.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(DATE_LOCALES[lang], { day: 'numeric', month: 'long', timeZone: 'UTC' });
    shortDays.set(lang, format);
  }
  const text = format.format(new Date(`${day}T00:00:00Z`));
  // French writes the first of the month as an ordinal: "1er décembre".
  return lang === 'fr' ? text.replace(/^1 /, '1er ') : text;
}

/**
 * When the facts happened, as the flow says back what it understood: "le 1er décembre vers 22 h",
 * "1 December around 10 pm", "novembre 2026 (environ)"; the year only when it is not this year.
 */
export function notedWhen(lang: Lang, occurred: ReportOccurrence | null, today: string): string {
  if (occurred === null) return translate(lang, 'whenDontRemember');
  if (occurred.precision === 'month')
    return translate(lang, 'whenMonthValue', { month: formatMonth(lang, occurred.month) });
  const day = translate(lang, 'notedDay', { day: shortDay(lang, occurred.date, today) });
  return occurred.time ? translate(lang, 'whenAtValue', { day, time: formatTime(lang, occurred.time) }) : day;
}

/**
 * Where the facts happened, as said back: "34000 Montpellier" (the commune chosen by `insee`, else
 * the communes the code serves), "en ligne", "hors de France".
 */
export function notedWhere(lang: Lang, location: ReportLocation, insee?: string): string {
  if (location.kind === 'online') return translate(lang, 'whereOnlineValue');
  if (location.kind === 'abroad') return translate(lang, 'whereAbroadValue');
  const communes = postalPlace(location.postalCode)?.communes ?? [];
  const chosen = communes.filter((c) => c.insee === insee);
  const names = (chosen.length ? chosen : communes).map((c) => c.name);
  const shown = names.length > 3 ? `${names.slice(0, 3).join(', ')}…` : names.join(', ');
  return shown ? `${location.postalCode} ${shown}` : location.postalCode;
}

function when(lang: Lang, a: FlowAnswers): string | undefined {
  if (a.occurred === undefined) return undefined;
  if (a.occurred === null) return translate(lang, 'whenDontRemember');
  if (a.occurred.precision === 'day') {
    const day = formatDay(lang, a.occurred.date);
    return a.occurred.time ? translate(lang, 'whenAtValue', { day, time: formatTime(lang, a.occurred.time) }) : day;
  }
  return translate(lang, 'whenMonthValue', { month: formatMonth(lang, a.occurred.month) });
}

function where(lang: Lang, a: FlowAnswers): string | undefined {
  const location = a.location;
  if (!location) return undefined;
  if (location.kind === 'online') return translate(lang, 'whereOnlineValue');
  if (location.kind === 'abroad') return translate(lang, 'whereAbroadValue');
  const communes = communesOf(location.postalCode);
  const names = communes.length > 3 ? `${communes.slice(0, 3).join(', ')}…` : communes.join(', ');
  return names ? `${location.postalCode} (${names})` : location.postalCode;
}

function contact(lang: Lang, a: FlowAnswers): string | undefined {
  switch (a.contact?.method) {
    case undefined:
      return undefined;
    case 'none':
      return translate(lang, 'no');
    case 'chat':
      return translate(lang, 'contactChat');
    case 'email':
      return translate(lang, 'contactEmailValue', { value: a.contact.value });
    case 'phone':
      return translate(lang, 'contactPhoneValue', { value: a.contact.value });
  }
}

function story(a: FlowAnswers): string | undefined {
  const text = a.description;
  if (!text) return undefined;
  return text.length > STORY_PREVIEW ? `${text.slice(0, STORY_PREVIEW)}…` : text;
}

/** The answers of a draft, one line each, as the summary before sending shows them. */
export function summarise(s: FlowState): string {
  const { lang, answers: a } = s;
  const minor = a.minor === 'yes' ? translate(lang, 'yes') : a.minor === 'no' ? translate(lang, 'no') : undefined;
  const lines: [MessageKey, string | undefined][] = [
    ['sumRole', labelsOf(lang, REPORTER_ROLES, a.role ? [a.role] : undefined)],
    ...(minor ? [['sumMinor', minor] as [MessageKey, string]] : []),
    ['sumActs', labelsOf(lang, ACT_TYPES, a.actTypes)],
    ['sumMotives', labelsOf(lang, MOTIVES, a.motives)],
    ['sumWhen', when(lang, a)],
    ['sumWhere', where(lang, a)],
    ...(a.location?.kind === 'online'
      ? []
      : [
          ['sumPlace', labelsOf(lang, PLACE_TYPES, a.placeType ? [a.placeType] : undefined)] as [
            MessageKey,
            string | undefined,
          ],
        ]),
    ['sumStory', story(a)],
    ['sumComplaint', labelsOf(lang, COMPLAINT_STATUSES, a.complaint ? [a.complaint] : undefined)],
    ['sumContact', contact(lang, a)],
  ];
  return lines.map(([key, value]) => translate(lang, key, { value: value ?? translate(lang, 'notSaid') })).join('\n');
}
