import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createKeyring, detectPii, openIntakeJob, PRIORITY, reportTags, sealSubmission } from '@relais/core';
import { toReportRow } from '@relais/db';
import { submission as reportSubmission } from '../support/submissions.ts';

const keyring = createKeyring(randomBytes(32));
const TEXT = 'Insulté par Jean Dupont devant le 12 rue de la Loge, appelez le 06 12 34 56 78.';

const submission = (description: string) =>
  reportSubmission({ description, tunnel: 'montpellier', reporterKey: 'a'.repeat(64) });

// Tagging runs inline in the intake job: open the sealed job, `reportTags`, then `toReportRow`.
describe('tagging a report at intake', () => {
  it('tags the opened report the same way every time: commune, département, priority, categories, PII offsets, fingerprint', () => {
    const opened = openIntakeJob(keyring, sealSubmission(keyring, submission(TEXT)));
    const now = new Date();
    const tags = reportTags(opened, { keyring, detectPii, now });
    expect(tags).toEqual(reportTags(opened, { keyring, detectPii, now }));
    expect(tags).toMatchObject({
      commune: 'Montpellier',
      departement: '34',
      priority: PRIORITY.normal,
      categories: ['insult'],
    });
    expect(tags.textFingerprint).toMatch(/^[0-9a-f]{256}$/);
    expect(tags.piiFindings.length).toBeGreaterThan(0);
    expect(tags.piiFindings.map((f) => f.kind)).toContain('PHONE');
    for (const finding of tags.piiFindings)
      expect(Object.keys(finding).sort()).toEqual(['confidence', 'end', 'kind', 'start']);
  });

  it('stores the text sealed, never in clear, and the tunnel only as the intake decides', () => {
    const opened = openIntakeJob(keyring, sealSubmission(keyring, submission(TEXT)));
    const tags = reportTags(opened, { keyring, detectPii, now: new Date() });
    const known = toReportRow(opened, { ...tags, tunnel: opened.tunnel }, keyring);
    const unknown = toReportRow(opened, { ...tags, tunnel: null }, keyring);
    expect(known.tunnel).toBe('montpellier');
    expect(unknown.tunnel).toBeNull();
    expect(known.description_enc).toBeInstanceOf(Buffer);
    expect(known.description_enc!.toString('latin1')).not.toContain('06 12 34');
    expect(JSON.stringify({ ...known, description_enc: null })).not.toContain('Dupont');
    expect(JSON.parse(known.pii_findings!)).toEqual(tags.piiFindings);
    expect(known.text_fingerprint).toBe(tags.textFingerprint);
  });

  it('cannot open a job sealed under another data key, and says why', () => {
    const foreign = sealSubmission(createKeyring(randomBytes(32)), submission('scellé avec une autre clé'));
    expect(() => openIntakeJob(keyring, foreign)).toThrow(/no data key with id/);
  });
});
