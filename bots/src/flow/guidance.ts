import type { Lang, ReportStatus } from '@relais/core';
import { translate, type MessageKey } from '../i18n/catalog.js';
import { inReport } from './flow-state.js';
import type { FlowAnswers, FlowOutput, FlowState, ReporterReport, SafePlace } from './flow-types.js';
import { formatDay } from '../i18n/format-dates.js';
import { GLOBAL_NAMESPACE } from './flow-render.js';
import { nextStepsFor } from './next-steps.js';

/** The emergency guidance (17, 112, SMS 114, safe places), with a button to find safe places. */
export function emergencyMessage(s: FlowState): FlowOutput {
  const text = [translate(s.lang, 'emergency'), ...(inReport(s) ? [translate(s.lang, 'emergencyDraftKept')] : [])].join(
    '\n\n',
  );
  return {
    kind: 'message',
    text,
    choices: [{ value: `${GLOBAL_NAMESPACE}:urg-places`, label: translate(s.lang, 'safePlacesButton') }],
  };
}

/**
 * The messages that follow the emergency guidance (the question asked again), as `channel` shows
 * them: the web chat shows only the last message's buttons, so there the guidance's "Lieux sûrs
 * près de moi" joins the last message that has buttons; Telegram keeps each message's own keyboard.
 */
export function afterEmergency(s: FlowState, channel: string, outputs: readonly FlowOutput[]): FlowOutput[] {
  const last = outputs.findLastIndex((o) => o.kind === 'message' && o.choices?.length);
  if (channel !== 'webchat' || last < 0) return [...outputs];
  const places = { value: `${GLOBAL_NAMESPACE}:urg-places`, label: translate(s.lang, 'safePlacesButton') };
  return outputs.map((o, i) =>
    i === last && o.kind === 'message' ? { ...o, choices: [...(o.choices ?? []), places] } : o,
  );
}

/** The safe places found near a postal code, or what to do when there are none. */
export function safePlacesMessage(lang: Lang, postalCode: string, places: readonly SafePlace[]): FlowOutput {
  if (places.length === 0) return { kind: 'message', text: translate(lang, 'noSafePlaces', { postalCode }) };
  const lines = places.map(
    (p) =>
      translate(lang, 'safePlaceLine', {
        name: p.name,
        address: p.address,
        postalCode: p.postalCode,
        commune: p.commune,
      }) +
      (p.phone ? translate(lang, 'safePlacePhone', { phone: p.phone }) : '') +
      (p.hours ? translate(lang, 'safePlaceHours', { hours: p.hours }) : ''),
  );
  const text = [
    translate(lang, 'safePlacesTitle', { postalCode }),
    ...lines,
    '',
    translate(lang, 'safePlacesFooter'),
  ].join('\n');
  return { kind: 'message', text };
}

const STATUS_KEYS: Record<ReportStatus, MessageKey> = {
  received: 'statusReceived',
  in_review: 'statusInReview',
  done: 'statusDone',
  rejected: 'statusRejected',
  erased: 'statusErased',
};

/** The person's reports and their status, newest first, or that there are none. */
export function myReportsMessage(lang: Lang, reports: readonly ReporterReport[]): FlowOutput {
  if (reports.length === 0) return { kind: 'message', text: translate(lang, 'noReports') };
  const lines = reports.map((r) =>
    translate(lang, 'myReportLine', {
      reference: r.reference,
      date: formatDay(lang, r.submittedAt.toISOString().slice(0, 10)),
      status: translate(lang, STATUS_KEYS[r.status]),
    }),
  );
  return { kind: 'message', text: [translate(lang, 'myReportsTitle'), ...lines].join('\n') };
}

/** The tailored next steps after a report. */
export function nextStepsMessage(lang: Lang, answers: FlowAnswers): FlowOutput {
  const lines = nextStepsFor(answers).map((key) => translate(lang, key));
  return { kind: 'message', text: [translate(lang, 'nextStepsTitle'), ...lines].join('\n') };
}
