import { createKeyring, type Keyring, type RelaisConfig } from '@relais/core';
import { createPartner } from '@relais/db';
import { createTestDatabase, type TestDatabase } from '@relais/db/testing';
import { createModerationService, provisionAccount, type ModerationService } from '@relais/moderation-ui';
import { capturedLogger } from './log-capture.ts';
import { ModerationClient, freshTotp } from './moderation-client.ts';
import { testConfig } from './test-config.ts';
import { deletePrefixKeys } from './redis-scan.ts';

/** An account a test can sign in with. */
export interface TestAccount {
  readonly id: string;
  readonly email: string;
  readonly password: string;
  readonly totpSecret: string;
  readonly partnerId: string | null;
}

/** A running moderation service on a fresh database, with helpers to make accounts and sign in. */
export interface ModerationStack {
  readonly t: TestDatabase;
  readonly config: RelaisConfig;
  readonly keyring: Keyring;
  readonly service: ModerationService;
  readonly url: string;
  readonly logs: string[];
  account(role: 'moderator' | 'admin' | 'partner', partnerId?: string): Promise<TestAccount>;
  partner(slug: string, postalCodes: string[], tunnels?: string[]): Promise<string>;
  signIn(account: TestAccount): Promise<ModerationClient>;
  close(): Promise<void>;
}

let counter = 0;

/** Starts the stack for one test file (`label` names its database). */
export async function moderationStack(label: string): Promise<ModerationStack> {
  const t = await createTestDatabase(testConfig().databaseUrl, label);
  const config = testConfig({ DATABASE_URL: t.url, LOG_LEVEL: 'info' });
  const keyring = createKeyring(config.dataKey!);
  const logs = capturedLogger('moderation');
  const service = createModerationService(config, logs.logger);
  const url = await service.server.listen({ host: '127.0.0.1', port: 0 });
  return {
    t,
    config,
    keyring,
    service,
    url,
    logs: logs.lines,
    async account(role, partnerId) {
      const email = `${role}-${++counter}-${Date.now()}@relais.test`;
      const p = await provisionAccount(t.db, keyring, {
        email,
        displayName: `${role} ${counter}`,
        role,
        partnerId: partnerId ?? null,
        password: `pw-${role}-${counter}-long-enough`,
      });
      return {
        id: p.account.id,
        email,
        password: p.initialPassword,
        totpSecret: p.totpSecret,
        partnerId: partnerId ?? null,
      };
    },
    async partner(slug, postalCodes, tunnels = []) {
      const scope = [
        ...(postalCodes.length ? [{ tunnels: [], postalCodes }] : []),
        ...(tunnels.length ? [{ tunnels, postalCodes: [] }] : []),
      ];
      return (await createPartner(t.db, { slug, name: `Partner ${slug}`, scope })).id;
    },
    async signIn(account) {
      const client = new ModerationClient(url);
      const response = await client.login(account.email, account.password, freshTotp(account.totpSecret));
      if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${response.text}`);
      return client;
    },
    async close() {
      await service.close();
      await deletePrefixKeys(config.redisUrl, config.queuePrefix);
      await t.drop();
    },
  };
}
