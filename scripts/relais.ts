/**
 * `npm run relais -- …`: the admin CLI (moderation-ui/src/cli) with the local stack's settings.
 * Outside production, when DATABASE_URL, REDIS_URL or DATA_KEY are unset, it uses what `npm start`
 * keeps under `.relais/` (or `RELAIS_STATE_DIR`): the data key, and the URLs of the servers it used or started.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { currentEnvironment, loadConfigOrExit } from '@relais/core';
import { devSecret, newDataKey } from './start/dev-secrets.js';
import { STACK_FILE, type StackFile } from './start/stack-file.js';
import { stateDirOf } from './start/state-dir.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const env = currentEnvironment();
const stateDir = stateDirOf(env);
const config = loadConfigOrExit(env);
const childEnv = { ...env };
if (config.nodeEnv !== 'production') {
  const stack: Partial<StackFile> = existsSync(`${stateDir}${STACK_FILE}`)
    ? JSON.parse(readFileSync(`${stateDir}${STACK_FILE}`, 'utf8'))
    : {};
  childEnv.DATABASE_URL ||= stack.databaseUrl;
  childEnv.REDIS_URL ||= stack.redisUrl;
  childEnv.DATA_KEY ||= devSecret(stateDir, 'data-key', newDataKey);
}
const child = spawn(
  process.execPath,
  ['--conditions=relais-source', '--import', 'tsx', 'moderation-ui/src/cli/main.ts', ...process.argv.slice(2)],
  {
    cwd: root,
    env: childEnv,
    stdio: 'inherit',
  },
);
child.on('exit', (code) => process.exit(code ?? 1));
