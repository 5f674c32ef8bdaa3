import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentEnvironment } from '@relais/core';
import { createTestDatabase, type TestDatabase } from '@relais/db/testing';
import { freePort } from '../support/free-port.ts';
import { testConfig } from '../support/test-config.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
let t: TestDatabase;
let stateDir: string;
let env: Record<string, string>;
let ports: { bots: number; ui: number; worker: number };
const running = new Set<ChildProcess>();

/** `npm start` as a newcomer runs it, in its own process group (what Ctrl-C signals). */
function npmStart(): {
  child: ChildProcess;
  output: () => string;
  ready: Promise<void>;
  exited: Promise<number | string | null>;
} {
  const child = spawn('npm', ['start'], { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('press Ctrl-C to stop everything')) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`npm start exited (${code}) before the stack was up:\n${output}`)));
  });
  const exited = new Promise<number | string | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal)),
  );
  return { child, output: () => output, ready, exited };
}

const ctrlC = (child: ChildProcess) => process.kill(-child.pid!, 'SIGINT');

/** Waits until nothing answers on any of the stack's ports any more. */
async function allStopped(timeoutMs = 30_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const answers = await Promise.all(Object.values(ports).map((port) => status(`http://127.0.0.1:${port}/healthz`)));
    if (answers.every((a) => a === 'refused')) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

async function status(url: string): Promise<number | 'refused'> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 'refused';
  }
}

beforeAll(async () => {
  const base = testConfig();
  t = await createTestDatabase(base.databaseUrl, 'npmstart');
  stateDir = mkdtempSync(join(tmpdir(), 'relais-state-'));
  ports = { bots: await freePort(), ui: await freePort(), worker: await freePort() };
  const current = currentEnvironment();
  env = {
    PATH: current.PATH ?? '',
    HOME: current.HOME ?? '/tmp',
    DATABASE_URL: t.url,
    REDIS_URL: base.redisUrl,
    QUEUE_PREFIX: base.queuePrefix,
    BOTS_PORT: String(ports.bots),
    UI_PORT: String(ports.ui),
    WORKER_PORT: String(ports.worker),
    RELAIS_STATE_DIR: stateDir,
    LOG_LEVEL: 'warn',
  };
});

afterAll(async () => {
  // A failed assertion must not leave a stack running: stop the whole process group.
  for (const child of running) {
    try {
      process.kill(-child.pid!, 'SIGINT');
    } catch {
      // already gone
    }
  }
  if (running.size > 0) await allStopped();
  rmSync(stateDir, { recursive: true, force: true });
  await t?.drop();
});

describe('npm start', () => {
  it(
    'brings every service up and healthy, prints where to go, keeps a data key, and Ctrl-C stops it all',
    { timeout: 180_000 },
    async () => {
      const first = npmStart();
      await first.ready;
      expect(first.output()).toContain(`http://localhost:${ports.bots}/report`);
      expect(first.output()).toContain(`http://localhost:${ports.ui}/login`);
      for (const port of Object.values(ports)) expect(await status(`http://127.0.0.1:${port}/healthz`)).toBe(200);
      expect(await status(`http://127.0.0.1:${ports.bots}/report`)).toBe(200);
      expect(await status(`http://127.0.0.1:${ports.ui}/login`)).toBe(200);
      const key = readFileSync(join(stateDir, 'data-key'), 'utf8');
      expect(Buffer.from(key.trim(), 'base64')).toHaveLength(32);
      expect(statSync(join(stateDir, 'data-key')).mode & 0o077).toBe(0);

      ctrlC(first.child);
      // npm itself dies of the SIGINT, as in a terminal; the stack it started stops cleanly.
      expect([0, 'SIGINT']).toContain(await first.exited);
      expect(await allStopped()).toBe(true);

      // A restart keeps the same data key, so it can still read the reports stored before.
      const second = npmStart();
      await second.ready;
      expect(readFileSync(join(stateDir, 'data-key'), 'utf8')).toBe(key);
      ctrlC(second.child);
      expect([0, 'SIGINT']).toContain(await second.exited);
      expect(await allStopped()).toBe(true);
    },
  );
});
