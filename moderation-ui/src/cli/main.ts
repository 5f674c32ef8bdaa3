/**
 * The admin CLI: `npm run relais -- <command>`.
 *
 *   partner add <slug> "<name>" [--postal-codes 34000,34070] [--tunnels montpellier] [--emails a@b.fr]
 *   partner list
 *   partner suspend <slug> | partner restore <slug>
 *   user add <email> "<display name>" <moderator|admin|partner> [--partner <slug>]
 *   digest generate <partner-slug> <iso-week>
 *   demo seed
 *
 * New accounts' initial password and TOTP secret (with its otpauth:// URI) are printed once.
 * Every change is written to the audit log with actor role `cli`.
 */
import { Queue } from 'bullmq';
import { DIGEST_QUEUE, createKeyring, createRedis, loadConfigOrExit } from '@relais/core';
import { createDatabase, migrateToLatest } from '@relais/db';
import { runCommand } from './commands.js';

const config = loadConfigOrExit();
if (!config.dataKey) {
  process.stderr.write(
    'relais: DATA_KEY is required (npm start keeps a local one in .relais/data-key: DATA_KEY=$(cat .relais/data-key))\n',
  );
  process.exit(1);
}
await migrateToLatest(config.databaseUrl);
const db = createDatabase({ connectionString: config.databaseUrl, applicationName: 'relais-cli', max: 2 });
let queue: Queue | undefined;
function cliRedis() {
  const redis = createRedis(config.redisUrl, 'relais-cli');
  // A command waits for Redis to come back; the person running it is told why it waits.
  redis.on('error', (error: Error) => process.stderr.write(`relais: Redis: ${error.message}\n`));
  return redis;
}
const digestQueue = async () =>
  (queue ??= new Queue(DIGEST_QUEUE, { connection: cliRedis(), prefix: config.queuePrefix }));
try {
  const out = await runCommand(process.argv.slice(2), { db, keyring: createKeyring(config.dataKey), digestQueue });
  process.stdout.write(`${out}\n`);
  process.exitCode = 0;
} catch (error) {
  process.stderr.write(`relais: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await db.destroy();
  if (queue) {
    await queue.close();
    await queue.disconnect();
  }
}
