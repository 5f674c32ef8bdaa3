import type { RelaisConfig } from '../config/relais-config.js';
import { RelaisError } from '../errors/relais-error.js';
import { StartupError } from '../errors/startup-error.js';
import { endpointOf, portOf } from './endpoint.js';

/** A server a service needs before it can start. */
export type Dependency = 'postgres' | 'redis';

/** The environment variables that name a service's HTTP port, and where their value is in the config. */
export const PORT_VARIABLES = { BOTS_PORT: 'bots', UI_PORT: 'ui', WORKER_PORT: 'worker' } as const;

/** One of {@link PORT_VARIABLES}. */
export type PortVariable = keyof typeof PORT_VARIABLES;

/** What {@link classifyStartupError} knows of the failing start-up. */
export interface StartupContext {
  readonly config: RelaisConfig;
  /** The variable of the port this service listens on; names the port of an `EADDRINUSE`. */
  readonly portVariable?: PortVariable;
}

interface RawError {
  readonly code?: unknown;
  readonly port?: unknown;
  readonly message?: unknown;
  readonly errors?: unknown;
}

const NETWORK_PROBLEMS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'refused the connection',
  ECONNRESET: 'closed the connection',
  ENOTFOUND: 'has a host name that does not resolve',
  EAI_AGAIN: 'has a host name that does not resolve',
  ETIMEDOUT: 'did not answer',
  EHOSTUNREACH: 'is unreachable',
  ENETUNREACH: 'is unreachable',
};

const SETTINGS: Readonly<Record<Dependency, { name: string; variable: string; start: string }>> = {
  postgres: { name: 'PostgreSQL', variable: 'DATABASE_URL', start: 'start PostgreSQL' },
  redis: { name: 'Redis', variable: 'REDIS_URL', start: 'start redis-server' },
};

const raw = (error: unknown): RawError => (typeof error === 'object' && error !== null ? error : {});

/** The network error code of `error`, looking inside an AggregateError (a host with IPv4 and IPv6 addresses). */
function networkCode(error: unknown): string | undefined {
  const { code, errors } = raw(error);
  if (typeof code === 'string' && code in NETWORK_PROBLEMS) return code;
  if (Array.isArray(errors)) for (const inner of errors) if (networkCode(inner)) return networkCode(inner);
  return undefined;
}

function networkPort(error: unknown): number | undefined {
  const { port, errors } = raw(error);
  if (typeof port === 'number') return port;
  if (Array.isArray(errors))
    for (const inner of errors) if (networkPort(inner) !== undefined) return networkPort(inner);
  return undefined;
}

function databaseName(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname.slice(1));
  } catch {
    return '?';
  }
}

/**
 * The {@link StartupError} for a failed connection to `dependency` at `url` during start-up:
 * refused, unresolvable host, wrong credentials, missing database, no answer in time. Names the
 * variable and the host:port, never the password.
 */
export function dependencyStartupError(
  dependency: Dependency,
  url: string,
  error: unknown,
  timeoutMs?: number,
): StartupError {
  const { name, variable, start } = SETTINGS[dependency];
  const at = `${name} at ${endpointOf(url)} (${variable})`;
  const { code, message } = raw(error);
  const text = typeof message === 'string' ? message : '';
  const options = { cause: error };
  const network = networkCode(error);
  if (network) {
    return new StartupError(
      `${dependency.toUpperCase()}_UNREACHABLE`,
      `${at} ${NETWORK_PROBLEMS[network]}`,
      `${start} or set ${variable} to a server that runs`,
      options,
    );
  }
  if (
    code === '28P01' ||
    code === '28000' ||
    /WRONGPASS|NOAUTH|invalid password|invalid username-password/i.test(text)
  ) {
    return new StartupError(
      `${dependency.toUpperCase()}_AUTH_FAILED`,
      `${at} refused the user name or password`,
      `check the credentials in ${variable}`,
      options,
    );
  }
  if (code === '3D000') {
    const database = databaseName(url);
    return new StartupError(
      'POSTGRES_DATABASE_MISSING',
      `database "${database}" does not exist on ${at}`,
      `create it (createdb ${database}) or point ${variable} at an existing database`,
      options,
    );
  }
  const waited = timeoutMs === undefined ? '' : ` within ${timeoutMs / 1000} s`;
  return new StartupError(
    `${dependency.toUpperCase()}_UNREACHABLE`,
    `${at} did not answer${waited}`,
    `check that it runs and that ${variable} points at it`,
    options,
  );
}

/**
 * Turns what a service's start-up threw into a {@link RelaisError} whose message is the one line
 * to print, or undefined when it is not a known start-up problem (a bug). Relais errors
 * (`ConfigError`, `StartupError`, `EvictingRedisError`, `MissingDataKeyError`…) pass through; raw
 * errors are recognised by their code: `EADDRINUSE` / `EACCES` on listen, PostgreSQL SQLSTATEs, and
 * network errors, told apart as PostgreSQL or Redis by the port they were connecting to.
 */
export function classifyStartupError(
  error: unknown,
  { config, portVariable }: StartupContext,
): RelaisError | undefined {
  if (error instanceof RelaisError) return error;
  const { code, port } = raw(error);
  if ((code === 'EADDRINUSE' || code === 'EACCES') && typeof port === 'number') {
    const variables = Object.keys(PORT_VARIABLES) as PortVariable[];
    const variable =
      portVariable && config.ports[PORT_VARIABLES[portVariable]] === port
        ? portVariable
        : variables.find((name) => config.ports[PORT_VARIABLES[name]] === port);
    const named = variable ? `${variable} ${port}` : `port ${port}`;
    const fix = variable ? `set ${variable} to a free port` : 'choose a free port';
    return code === 'EADDRINUSE'
      ? new StartupError(
          'PORT_IN_USE',
          `${named} is already in use on ${config.host}`,
          `stop what listens there or ${fix}`,
          { cause: error },
        )
      : new StartupError(
          'PORT_FORBIDDEN',
          `${named} may not be opened by this user on ${config.host}`,
          `${fix} above 1023`,
          { cause: error },
        );
  }
  if (typeof code === 'string' && /^(28P01|28000|3D000)$/.test(code))
    return dependencyStartupError('postgres', config.databaseUrl, error);
  if (networkCode(error)) {
    const at = networkPort(error);
    if (at !== undefined && at === portOf(config.databaseUrl))
      return dependencyStartupError('postgres', config.databaseUrl, error);
    if (at !== undefined && at === portOf(config.redisUrl))
      return dependencyStartupError('redis', config.redisUrl, error);
  }
  return undefined;
}
