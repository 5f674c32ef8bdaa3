import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/load-config.js';
import { ConfigError } from '../errors/config-error.js';
import { StartupError } from '../errors/startup-error.js';
import { classifyStartupError, dependencyStartupError } from './classify-startup-error.js';
import { startupLine } from './run-service.js';

const KEY = Buffer.alloc(32, 7).toString('base64');
const config = loadConfig({
  DATABASE_URL: 'postgres://relais:hunter2@db.internal:6543/relais',
  REDIS_URL: 'redis://:sesame@cache.internal:6390',
  BOTS_PORT: '4000',
  DATA_KEY: KEY,
});

/** A Node network error as `net` raises it. */
function networkError(code: string, port: number): Error {
  return Object.assign(new Error(`connect ${code} 10.0.0.1:${port}`), {
    code,
    address: '10.0.0.1',
    port,
    syscall: 'connect',
  });
}

describe('classifyStartupError', () => {
  it('passes Relais errors through unchanged', () => {
    const error = new ConfigError('DATA_KEY', 'must be 32 bytes');
    expect(classifyStartupError(error, { config })).toBe(error);
  });

  it('tells a refused PostgreSQL from a refused Redis by the port they were connecting to', () => {
    expect(classifyStartupError(networkError('ECONNREFUSED', 6543), { config })?.message).toBe(
      'PostgreSQL at db.internal:6543 (DATABASE_URL) refused the connection; start PostgreSQL or set DATABASE_URL to a server that runs',
    );
    expect(classifyStartupError(networkError('ECONNREFUSED', 6390), { config })?.message).toBe(
      'Redis at cache.internal:6390 (REDIS_URL) refused the connection; start redis-server or set REDIS_URL to a server that runs',
    );
  });

  it('looks inside an AggregateError (a host name with both an IPv4 and an IPv6 address)', () => {
    const error = Object.assign(
      new AggregateError([networkError('ECONNREFUSED', 6543), networkError('ECONNREFUSED', 6543)]),
      { code: 'ECONNREFUSED' },
    );
    expect(classifyStartupError(error, { config })).toMatchObject({ code: 'POSTGRES_UNREACHABLE' });
  });

  it('names the port variable of an EADDRINUSE', () => {
    const error = Object.assign(new Error('listen EADDRINUSE: address already in use 127.0.0.1:4000'), {
      code: 'EADDRINUSE',
      port: 4000,
    });
    expect(classifyStartupError(error, { config, portVariable: 'BOTS_PORT' })?.message).toBe(
      'BOTS_PORT 4000 is already in use on 127.0.0.1; stop what listens there or set BOTS_PORT to a free port',
    );
  });

  it('recognises PostgreSQL authentication and missing-database errors by their SQLSTATE', () => {
    const auth = Object.assign(new Error('password authentication failed for user "relais"'), { code: '28P01' });
    expect(classifyStartupError(auth, { config })?.message).toBe(
      'PostgreSQL at db.internal:6543 (DATABASE_URL) refused the user name or password; check the credentials in DATABASE_URL',
    );
    const missing = Object.assign(new Error('database "relais" does not exist'), { code: '3D000' });
    expect(classifyStartupError(missing, { config })).toMatchObject({ code: 'POSTGRES_DATABASE_MISSING' });
  });

  it('leaves an unknown error unclassified', () => {
    expect(classifyStartupError(new TypeError('x is not a function'), { config })).toBeUndefined();
  });
});

describe('dependencyStartupError', () => {
  it('says how long it waited when the server did not answer', () => {
    const error = dependencyStartupError('redis', config.redisUrl, new Error('Connection is closed.'), 5_000);
    expect(error).toBeInstanceOf(StartupError);
    expect(error.message).toBe(
      'Redis at cache.internal:6390 (REDIS_URL) did not answer within 5 s; check that it runs and that REDIS_URL points at it',
    );
  });
});

describe('startupLine', () => {
  it('prints a configuration error as loadConfigOrExit does', () => {
    expect(startupLine('bots', new ConfigError('BOTS_PORT', 'must be a TCP port'), config)).toBe(
      'relais: configuration error: BOTS_PORT must be a TCP port',
    );
  });

  it('prints an unknown error as its first line, without the URL password or the data key', () => {
    const error = new Error(
      `cannot open postgres://relais:hunter2@db.internal:6543/relais with ${KEY}\n    at somewhere (file.ts:1:1)`,
    );
    const line = startupLine('worker', error, config);
    expect(line).toBe(
      'relais worker: could not start: cannot open postgres://relais:***@db.internal:6543/relais with *** (LOG_LEVEL=debug logs the stack trace)',
    );
    expect(line).not.toContain('hunter2');
  });

  it('removes secrets even from a Relais error message', () => {
    expect(startupLine('bots', new StartupError('X', 'Redis said sesame', 'retry'), config)).toBe(
      'relais bots: Redis said ***; retry',
    );
  });
});
