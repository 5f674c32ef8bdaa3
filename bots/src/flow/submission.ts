import type { ContactRequest, ReportSubmission } from '@relais/core';
import type { FlowContext, FlowState } from './flow-types.js';

function contactOf(s: FlowState, ctx: FlowContext): ContactRequest | null {
  const contact = s.answers.contact;
  switch (contact?.method) {
    case undefined:
    case 'none':
      return null;
    case 'chat':
      return ctx.chatAddress ? { method: 'chat', address: ctx.chatAddress } : null;
    case 'email':
    case 'phone':
      return { method: contact.method, value: contact.value };
  }
}

/**
 * The report a finished draft submits (schema `reportSubmission`, `v: 1`). Contact through this
 * chat carries the channel address the context gives, so moderators' replies reach the same chat.
 */
export function toSubmission(s: FlowState, ctx: FlowContext): ReportSubmission {
  const a = s.answers;
  return {
    v: 1,
    id: s.reportId,
    reference: s.reference,
    channel: ctx.channel,
    tunnel: s.tunnel,
    lang: s.lang,
    submittedAt: ctx.now.toISOString(),
    reporterRole: a.role ?? null,
    actTypes: [...(a.actTypes ?? [])],
    motives: [...(a.motives ?? [])],
    occurred: a.occurred ?? null,
    location: a.location ?? { kind: 'abroad' },
    placeType: a.placeType ?? null,
    description: a.description ?? '',
    complaint: a.complaint ?? null,
    contact: contactOf(s, ctx),
    reporterKey: ctx.reporterKey,
    inDanger: s.inDanger,
    ...(s.inDanger && s.dangerReason ? { dangerReason: s.dangerReason } : {}),
    minorInvolved: a.minor === 'yes',
  };
}
