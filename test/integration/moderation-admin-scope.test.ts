import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPartnerScope, insertReport } from '@relais/db';
import { moderationStack, type ModerationStack } from '../support/moderation-stack.ts';
import { reportRow } from '../support/report-rows.ts';

let s: ModerationStack;
beforeAll(async () => {
  s = await moderationStack('adminscope');
});
afterAll(async () => s?.close());

describe('admin: partner scopes', () => {
  it('shows each partner scope and changes it from the page form, with an audit event, taking effect for the partner at once', async () => {
    const partnerId = await s.partner('sete', ['34200']);
    await insertReport(
      s.t.db,
      reportRow({ status: 'done', released_at: new Date(), postal_code: '34110', anonymised_text: 'Frontignan' }),
    );
    const partnerUser = await s.account('partner', partnerId);
    const partnerClient = await s.signIn(partnerUser);
    expect((await partnerClient.get('/api/partner/reports')).json.items).toHaveLength(0);

    const admin = await s.signIn(await s.account('admin'));
    const page = await admin.get('/admin/partners');
    expect(page.status).toBe(200);
    expect(page.text).toContain('34200');
    expect(page.text).toContain(`action="/api/admin/partners/${partnerId}/scope"`);

    const saved = await admin.request('POST', `/api/admin/partners/${partnerId}/scope`, {
      form: {
        postalCodes: '34200, 34110',
        tunnels: 'sete',
        digestEmails: 'prevention@sete.example',
        _return: '/admin/partners',
      },
    });
    expect(saved.status).toBe(303);
    const scope = await findPartnerScope(s.t.db, partnerId);
    expect(scope.flatMap((r) => r.postalCodes).sort()).toEqual(['34110', '34200']);
    expect(scope.flatMap((r) => r.tunnels)).toEqual(['sete']);
    expect((await admin.get('/admin/partners')).text).toContain('prevention@sete.example');
    const audit = await s.t.db
      .selectFrom('audit_events')
      .select(['action', 'target_id'])
      .where('action', '=', 'admin.partner_scope_changed')
      .execute();
    expect(audit).toEqual([{ action: 'admin.partner_scope_changed', target_id: partnerId }]);
    expect((await partnerClient.get('/api/partner/reports')).json.items).toHaveLength(1);

    const empty = await admin.request('POST', `/api/admin/partners/${partnerId}/scope`, {
      json: { postalCodes: [], tunnels: [] },
    });
    expect(empty.status).toBe(400);
  });
});
