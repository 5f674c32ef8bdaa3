import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { currentEnvironment } from '@relais/core';

const root = fileURLToPath(new URL('../../', import.meta.url));

function start(service: string, env: Record<string, string>) {
  const result = spawnSync(
    process.execPath,
    ['--conditions=relais-source', '--import', 'tsx', `${service}/src/main.ts`],
    {
      cwd: root,
      env: { PATH: currentEnvironment().PATH ?? '', HOME: currentEnvironment().HOME ?? '/tmp', ...env },
      encoding: 'utf8',
      timeout: 30_000,
    },
  );
  return { code: result.status, stderr: result.stderr.trim(), stdout: result.stdout.trim() };
}

describe('start-up with a bad environment', () => {
  it.each(['bots', 'worker', 'moderation-ui'])(
    '%s stops with one line naming the variable, exit code 1, nothing started',
    (service) => {
      const { code, stderr, stdout } = start(service, { UI_PORT: 'three-thousand', BOTS_PORT: 'x', WORKER_PORT: 'y' });
      expect(code).toBe(1);
      expect(stderr.split('\n')).toHaveLength(1);
      expect(stderr).toMatch(/^relais: configuration error: (BOTS|UI|WORKER)_PORT must be a TCP port number/);
      expect(stdout).toBe('');
    },
  );

  it('refuses a malformed DATA_KEY with the command that makes a good one', () => {
    const { code, stderr } = start('worker', { DATA_KEY: 'not-a-key' });
    expect(code).toBe(1);
    expect(stderr).toBe(
      'relais: configuration error: DATA_KEY must be 32 bytes in base64; generate one with: openssl rand -base64 32',
    );
  });

  it('refuses production without its secrets', () => {
    const { code, stderr } = start('moderation-ui', { NODE_ENV: 'production' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/DATA_KEY is required when NODE_ENV=production/);
  });
});
