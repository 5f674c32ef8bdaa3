import { describe, expect, it } from 'vitest';
import { PARTNER_FIELDS } from '@relais/core';
import type { PartnerReport } from '@relais/db';
import { partnerCsv } from './partner-csv.js';
import { partnerReportAnswer, partnerReportJson } from './partner-json.js';

const report: PartnerReport = {
  partner_ref: 'P-3F2A-9C1D-77E0',
  act_types: ['insult', 'threat'],
  motives: ['gayphobia'],
  occurred_month: '2026-11',
  location_kind: 'fr',
  postal_code: '34000',
  commune: 'Montpellier',
  departement: '34',
  place_type: 'street',
  reporter_role: 'victim',
  complaint: 'no',
  tunnel: 'montpellier',
  categories: ['lgbtphobia'],
  released_at: new Date('2026-12-01T10:00:00Z'),
  anonymised_text: 'Insultes devant la gare.',
};

describe('partner JSON and CSV', () => {
  it('hold exactly the fields of PARTNER_FIELDS, the month of the facts as YYYY-MM', () => {
    const json = partnerReportJson(report);
    expect(Object.keys(json)).toEqual(PARTNER_FIELDS.map((f) => f.key));
    expect(Object.keys(partnerReportAnswer.shape)).toEqual(PARTNER_FIELDS.map((f) => f.key));
    expect(json).toMatchObject({
      partnerRef: 'P-3F2A-9C1D-77E0',
      occurredMonth: '2026-11',
      releasedAt: '2026-12-01T10:00:00.000Z',
    });
    expect(partnerReportAnswer.parse(json)).toEqual(json);
  });

  it('export one CSV column per field, headed by its column name', () => {
    const [header, row] = partnerCsv([report]).split('\r\n');
    expect(header).toBe(PARTNER_FIELDS.map((f) => f.column).join(','));
    expect(row).toContain('"2026-11"');
    expect(row).toContain('"insult|threat"');
    expect(row!.split('","')).toHaveLength(PARTNER_FIELDS.length);
  });
});
