import {
  ACT_TYPES,
  COMPLAINT_STATUSES,
  MOTIVES,
  PLACE_TYPES,
  REPORTER_ROLES,
  communesOf,
  type Lang,
  type TaxonomyEntry,
} from '@relais/core';
import { translate, type MessageKey } from '../i18n/catalog.js';
import type { FlowAnswers, FlowState } from './flow-types.js';
import { formatDay, formatMonth } from '../i18n/format-dates.js';

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

function when(lang: Lang, a: FlowAnswers): string | undefined {
  if (a.occurred === undefined) return undefined;
  if (a.occurred === null) return translate(lang, 'whenDontRemember');
  if (a.occurred.precision === 'day') return formatDay(lang, a.occurred.date);
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
