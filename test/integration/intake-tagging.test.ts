import type { QueueEvents } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTAKE_QUEUE, type PiiDetector, type ReportSubmission } from '@relais/core';
import { createPartner, findReport, findTextFingerprint } from '@relais/db';
import type { TestDatabase } from '@relais/db/testing';
import { startIntakeHarness, type IntakeHarness } from '../support/intake-harness.ts';
import { capturedLogger } from '../support/log-capture.ts';
import { submission } from '../support/submissions.ts';

const PHONE = '06 12 34 56 78';
/** A stand-in for core's detectPii: finds the phone number, and returns its text as detectors do. */
const detectPhone: PiiDetector = (text) => {
  const start = text.indexOf(PHONE);
  const finding = { kind: 'PHONE', start, end: start + PHONE.length, confidence: 0.97, text: PHONE };
  return start < 0 ? [] : [finding];
};

let h: IntakeHarness;
let t: TestDatabase;
let events: QueueEvents;
const logs = capturedLogger('intake-tagging');

async function store(s: ReportSubmission) {
  const job = await h.send(s);
  await job.waitUntilFinished(events, 15_000);
  return (await findReport(t.db, s.id))!;
}

beforeAll(async () => {
  h = await startIntakeHarness('tagging');
  ({ t } = h);
  events = await h.queueEvents(INTAKE_QUEUE);
  await createPartner(t.db, {
    slug: 'montpellier',
    name: 'Ville de Montpellier',
    scope: [{ tunnels: ['montpellier'], postalCodes: [] }],
  });
  await h.startWorkerService(logs.logger, { detectPii: detectPhone });
});

afterAll(async () => {
  await h?.close();
});

describe('intake tagging', () => {
  it('tags tunnel, commune, département, categories and priority from the answers', async () => {
    const row = await store(
      submission({
        tunnel: 'montpellier',
        location: { kind: 'fr', postalCode: '01000' },
        actTypes: ['physical_violence', 'insult'],
        inDanger: true,
        complaint: 'wants_help',
      }),
    );
    expect(row).toMatchObject({
      status: 'received',
      tunnel: 'montpellier',
      postal_code: '01000',
      commune: 'Bourg-en-Bresse / Saint-Denis-lès-Bourg',
      departement: '01',
      priority: 2,
    });
    expect(row.categories.sort()).toEqual(['complaint_help', 'in_danger', 'insult', 'physical_violence', 'violence']);
    const online = await store(
      submission({ location: { kind: 'online' }, actTypes: ['online_hate'], minorInvolved: true }),
    );
    expect(online).toMatchObject({ postal_code: null, commune: null, departement: null, priority: 1 });
    expect(online.categories.sort()).toEqual(['minor', 'online', 'online_hate']);
  });

  it('stores PII findings as kinds and offsets only, never the text they point at', async () => {
    const description = `Il m’a menacé puis a publié mon numéro ${PHONE} sur un groupe.`;
    const row = await store(submission({ description }));
    const start = description.indexOf(PHONE);
    expect(row.pii_findings).toEqual([{ kind: 'PHONE', start, end: start + PHONE.length, confidence: 0.97 }]);
    expect(JSON.stringify(row)).not.toContain('12 34');
    expect(logs.lines.join('')).not.toContain('12 34');
  });

  it('links a near-identical report of the same reporter to the first one, and no other', async () => {
    const reporterKey = 'a'.repeat(64);
    const text =
      'Samedi soir, devant la boîte de nuit rue de la Loge, le videur nous a refusé l’entrée en disant ' +
      'qu’il ne voulait pas de « gens comme nous », puis il a bousculé mon amie quand elle a protesté.';
    const first = await store(submission({ reporterKey, description: text }));
    expect(first.duplicate_of).toBeNull();
    const again = await store(
      submission({ reporterKey, description: text.toUpperCase().replace('Samedi soir', 'samedi soir,') }),
    );
    expect(again.duplicate_of).toBe(first.id);
    const retyped = await store(
      submission({ reporterKey, description: text.replace('bousculé', 'poussé').replace('protesté', 'réagi') }),
    );
    expect(retyped.duplicate_of).toBe(first.id);
    const different = await store(
      submission({ reporterKey, description: 'Mon voisin colle des affiches homophobes dans le hall depuis un mois.' }),
    );
    expect(different.duplicate_of).toBeNull();
    const otherReporter = await store(submission({ reporterKey: 'b'.repeat(64), description: text }));
    expect(otherReporter.duplicate_of).toBeNull();
    const fingerprint = await findTextFingerprint(t.db, first.id);
    expect(fingerprint).toMatch(/^[0-9a-f]{256}$/);
    expect(fingerprint).not.toContain(Buffer.from('videur').toString('hex'));
  });
});
