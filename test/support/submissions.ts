import { randomBytes, randomUUID } from 'node:crypto';
import { newReference, type ReportSubmission } from '@relais/core';

/** A valid report submission as a bot would send it; override what the test is about. */
export function submission(overrides: Partial<ReportSubmission> = {}): ReportSubmission {
  return {
    v: 1,
    id: randomUUID(),
    reference: newReference(),
    channel: 'telegram',
    tunnel: null,
    lang: 'fr',
    submittedAt: new Date().toISOString(),
    reporterRole: 'victim',
    actTypes: ['insult'],
    motives: ['gayphobia'],
    occurred: null,
    location: { kind: 'fr', postalCode: '34000' },
    placeType: 'street',
    description: 'Insulté à la sortie du tram par deux hommes qui ont ensuite craché dans ma direction.',
    complaint: 'no',
    contact: null,
    reporterKey: randomBytes(32).toString('hex'),
    inDanger: false,
    minorInvolved: false,
    ...overrides,
  };
}
