import type { DangerMoment, DangerVia, Lang } from '@relais/core';
import { translate, type UiKey } from '../i18n/catalog.js';

const VIA_KEYS: Readonly<Record<DangerVia, UiKey>> = {
  words: 'danger.via.words',
  command: 'danger.via.command',
  button: 'danger.via.button',
};

const AT_KEYS: Readonly<Record<DangerMoment, UiKey>> = {
  idle: 'danger.at.idle',
  welcome: 'danger.at.welcome',
  role: 'danger.at.role',
  minor: 'danger.at.minor',
  acts: 'danger.at.acts',
  motives: 'danger.at.motives',
  when: 'danger.at.when',
  where: 'danger.at.where',
  place: 'danger.at.place',
  story: 'danger.at.story',
  author: 'danger.at.author',
  online_reach: 'danger.at.online_reach',
  complaint: 'danger.at.complaint',
  contact: 'danger.at.contact',
  summary: 'danger.at.summary',
  submitted: 'danger.at.submitted',
};

/**
 * Why a report was marked in danger, as staff read it ("Mots de danger dans un message, pendant le
 * récit"), from the two stored codes; null when the report has no reason stored (not in danger, or
 * stored before reasons were kept), so older reports show nothing special. Staff pages only.
 */
export function dangerReasonLabel(
  lang: Lang,
  reason: { readonly danger_at: DangerMoment | null; readonly danger_via: DangerVia | null },
): string | null {
  if (reason.danger_at === null || reason.danger_via === null) return null;
  return translate(lang, 'report.dangerReasonLine', {
    via: translate(lang, VIA_KEYS[reason.danger_via]),
    at: translate(lang, AT_KEYS[reason.danger_at]),
  });
}
