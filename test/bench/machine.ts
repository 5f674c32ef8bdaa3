import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import pg from 'pg';
import { Redis } from 'ioredis';

/** What BENCHMARKS.md says about the machine a run happened on. */
export interface MachineDescription {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly node: string;
  readonly postgres: string;
  readonly redis: string;
  readonly kernel: string;
}

/** Reads the machine, Node, PostgreSQL and Redis versions. */
export async function describeMachine(databaseUrl: string, redisUrl: string): Promise<MachineDescription> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const postgres = String((await client.query('SHOW server_version')).rows[0]?.server_version ?? 'unknown');
  await client.end();
  const redis = new Redis(redisUrl);
  const info = await redis.info('server');
  redis.disconnect();
  let kernel = 'unknown';
  try {
    kernel = execFileSync('uname', ['-sr']).toString().trim();
  } catch {
    // not a Unix
  }
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    postgres,
    redis: /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown',
    kernel,
  };
}
