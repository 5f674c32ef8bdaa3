import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, it, type ExpectStatic } from 'vitest';
import { currentEnvironment, type RelaisConfig } from '@relais/core';
import { createTestDatabase, type TestDatabase } from '@relais/db/testing';
import { freePort } from '../support/free-port.ts';
import { runServiceUntilExit, type SERVICE_ENTRIES } from '../support/service-process.ts';
import { testConfig } from '../support/test-config.ts';

let t: TestDatabase;
let config: RelaisConfig;
let busy: Server;
let busyPort: number;

beforeAll(async () => {
  t = await createTestDatabase(testConfig().databaseUrl, 'startup');
  config = testConfig({ DATABASE_URL: t.url });
  busy = createServer();
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
  busyPort = (busy.address() as { port: number }).port;
});

afterAll(async () => {
  await new Promise((resolve) => busy?.close(resolve));
  await t?.drop();
});

const services: ReadonlyArray<{
  entry: keyof typeof SERVICE_ENTRIES;
  name: string;
  portVariable: string;
  dataKeyUser: string;
}> = [
  { entry: 'bots', name: 'bots', portVariable: 'BOTS_PORT', dataKeyUser: 'the bots' },
  { entry: 'worker', name: 'worker', portVariable: 'WORKER_PORT', dataKeyUser: 'the worker' },
  { entry: 'moderation', name: 'moderation-ui', portVariable: 'UI_PORT', dataKeyUser: 'the moderation service' },
];

/** A complete, valid environment for one service on a free port, with `changes` applied (undefined removes a variable). */
async function environment(
  portVariable: string,
  changes: Record<string, string | undefined>,
): Promise<Record<string, string>> {
  const current = currentEnvironment();
  const env: Record<string, string | undefined> = {
    PATH: current.PATH ?? '',
    HOME: current.HOME ?? '/tmp',
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    DATABASE_URL: config.databaseUrl,
    REDIS_URL: config.redisUrl,
    QUEUE_PREFIX: config.queuePrefix,
    DATA_KEY: config.dataKey!.toString('base64'),
    SESSION_SECRET: 'a-session-secret-for-the-start-up-test',
    [portVariable]: String(await freePort()),
    ...changes,
  };
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/** Starts the service, expects it to refuse: exit code 1, one stderr line, no stack frame anywhere; returns the line. */
async function refusal(
  entry: keyof typeof SERVICE_ENTRIES,
  env: Record<string, string>,
  expect: ExpectStatic,
): Promise<string> {
  const { code, stdout, stderr } = await runServiceUntilExit(entry, env);
  expect(code).toBe(1);
  expect(`${stdout}\n${stderr}`).not.toMatch(/^\s+at /m);
  const lines = stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  return lines[0]!;
}

// Each case starts a process that only reads its configuration and probes a server: the 15 cases
// run side by side (their own `expect`), which takes a third of the time of one after the other.
describe.concurrent.each(services)('start-up of the $name service', ({ entry, name, portVariable, dataKeyUser }) => {
  it('without DATA_KEY stops with one line saying how to make one', async ({ expect }) => {
    const line = await refusal(entry, await environment(portVariable, { DATA_KEY: undefined }), expect);
    expect(line).toBe(
      `relais ${name}: DATA_KEY is required by ${dataKeyUser} (npm start generates one for local use; else: openssl rand -base64 32)`,
    );
  });

  it('with a malformed DATABASE_URL stops with one line naming the variable, not its password', async ({ expect }) => {
    const line = await refusal(
      entry,
      await environment(portVariable, { DATABASE_URL: 'mysql://relais:hunter2@127.0.0.1/relais' }),
      expect,
    );
    expect(line).toBe(
      'relais: configuration error: DATABASE_URL must be a PostgreSQL URL such as postgres://user@127.0.0.1:5432/relais ' +
        '(default: your user name on 127.0.0.1:5432/relais)',
    );
  });

  it('with PostgreSQL unreachable stops with one line naming DATABASE_URL host:port, not its password', async ({
    expect,
  }) => {
    const port = await freePort();
    const line = await refusal(
      entry,
      await environment(portVariable, { DATABASE_URL: `postgres://relais:hunter2@127.0.0.1:${port}/relais` }),
      expect,
    );
    expect(line).toBe(
      `relais ${name}: PostgreSQL at 127.0.0.1:${port} (DATABASE_URL) refused the connection; start PostgreSQL or set DATABASE_URL to a server that runs`,
    );
    expect(line).not.toContain('hunter2');
  });

  it('with Redis unreachable stops with one line naming REDIS_URL host:port, not its password', async ({ expect }) => {
    const port = await freePort();
    const line = await refusal(
      entry,
      await environment(portVariable, { REDIS_URL: `redis://:hunter2@127.0.0.1:${port}` }),
      expect,
    );
    expect(line).toBe(
      `relais ${name}: Redis at 127.0.0.1:${port} (REDIS_URL) refused the connection; start redis-server or set REDIS_URL to a server that runs`,
    );
    expect(line).not.toContain('hunter2');
  });

  it('with its HTTP port already in use stops with one line naming the variable and the port', async ({ expect }) => {
    const line = await refusal(entry, await environment(portVariable, { [portVariable]: String(busyPort) }), expect);
    expect(line).toBe(
      `relais ${name}: ${portVariable} ${busyPort} is already in use on 127.0.0.1; stop what listens there or set ${portVariable} to a free port`,
    );
  });
});
