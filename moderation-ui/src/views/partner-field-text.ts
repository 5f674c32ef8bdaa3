import { formatFactsMonth, type Lang, type PartnerField } from '@relais/core';
import type { PartnerReport } from '@relais/db';
import { translate, type UiKey } from '../i18n/catalog.js';
import { labelsFor, when } from './labels.js';

const locations: Readonly<Record<string, UiKey>> = {
  fr: 'label.location.fr',
  online: 'label.location.online',
  abroad: 'label.location.abroad',
};
// The categories the intake adds to the act types (core `reportCategories`).
const categories: Readonly<Record<string, UiKey>> = {
  violence: 'label.category.violence',
  online: 'label.category.online',
  minor: 'label.category.minor',
  in_danger: 'label.category.in_danger',
  complaint_help: 'label.category.complaint_help',
};
const named = (keys: Readonly<Record<string, UiKey>>, code: string, lang: Lang) => {
  const key = Object.hasOwn(keys, code) ? keys[code] : undefined;
  return key ? translate(lang, key) : undefined;
};

/**
 * A partner field's value as the partner pages show it, in `lang`: taxonomy codes by their names,
 * the month of the facts as "novembre 2026", an instant as `YYYY-MM-DD HH:MM` (UTC), a dash when
 * empty. Only the columns of core's `PARTNER_FIELDS` can be asked for.
 */
export function partnerFieldText(field: PartnerField, r: PartnerReport, lang: Lang): string {
  const l = labelsFor(lang);
  const column = field.column as keyof PartnerReport;
  switch (column) {
    case 'act_types':
      return r.act_types.map(l.act).join(', ') || '—';
    case 'motives':
      return r.motives.map(l.motive).join(', ') || '—';
    case 'place_type':
      return l.place(r.place_type);
    case 'reporter_role':
      return l.role(r.reporter_role);
    case 'complaint':
      return l.complaint(r.complaint);
    case 'location_kind':
      return named(locations, r.location_kind, lang) ?? r.location_kind;
    case 'categories':
      return r.categories.map((c) => named(categories, c, lang) ?? l.act(c)).join(', ') || '—';
    case 'occurred_month':
      return r.occurred_month ? formatFactsMonth(r.occurred_month, lang) : '—';
    case 'released_at':
      return when(r.released_at);
    default: {
      const value: unknown = r[column];
      if (Array.isArray(value)) return value.join(', ') || '—';
      return typeof value === 'string' && value !== '' ? value : '—';
    }
  }
}
