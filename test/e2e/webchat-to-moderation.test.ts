import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReportingStack, type ReportingStack } from '../support/bots-stack.ts';
import { sendWebReport } from '../support/web-report.ts';
import { waitFor } from '../support/wait-for.ts';

const DESCRIPTION = 'Un groupe nous a insultés à la sortie du bar, écrivez-moi à camille.canari@example.org';
let stack: ReportingStack;

beforeAll(async () => {
  stack = await startReportingStack('webchat-e2e', {
    partner: { slug: 'montpellier', name: 'Ville de Montpellier', tunnel: 'montpellier' },
  });
});

afterAll(async () => {
  await stack?.close();
});

describe('a report walks from the web chat (official Direct Line client) to the moderation API', () => {
  it('is tagged with the tunnel it was opened from, and reaches the staff queue', { timeout: 60_000 }, async () => {
    const { reference } = await sendWebReport(stack.url, 'montpellier', DESCRIPTION);

    const item = await waitFor(
      async () => {
        const response = await fetch(`${stack.moderationUrl}/api/reports`, {
          headers: { authorization: `Bearer ${stack.config.devApiToken}` },
        });
        const items = ((await response.json()) as { items: Array<Record<string, unknown>> }).items;
        return items.find((r) => r.reference === reference);
      },
      15_000,
      'the report in the staff queue',
    );
    expect(item).toMatchObject({
      channel: 'webchat',
      tunnel: 'montpellier',
      postalCode: '34000',
      actTypes: ['insult'],
    });
    expect(stack.logs.lines.join('')).not.toContain('camille.canari@example.org');
  });
});
