import { loadConfigOrExit, type Environment } from '../config/load-config.js';
import type { RelaisConfig } from '../config/relais-config.js';
import { ConfigError } from '../errors/config-error.js';
import { createLogger, type Logger } from '../logger/create-logger.js';
import { classifyStartupError, PORT_VARIABLES, type PortVariable } from './classify-startup-error.js';
import { withoutSecrets } from './endpoint.js';

/** What {@link runService} needs of a service's HTTP server (a Fastify instance fits). */
export interface Listenable {
  listen(options: { host: string; port: number }): Promise<unknown>;
}

/** A created, not yet listening service. */
export interface RunnableService {
  readonly server: Listenable;
  /** Stops the service gracefully; what it resolves with goes to {@link ServiceDefinition.stopped}. */
  close(): Promise<unknown>;
}

/** How {@link runService} starts one Relais service. */
export interface ServiceDefinition<S extends RunnableService> {
  /** Names the service on stderr (`relais worker: …`) and, unless `logName` is set, in its logs. */
  readonly name: string;
  /** The `service` of its log lines, when it differs from `name`. */
  readonly logName?: string;
  /** The variable of the port it listens on, e.g. `BOTS_PORT`. */
  readonly portVariable: PortVariable;
  /** Run before `create`, in parallel: each throws a `StartupError` when a dependency is unusable. */
  readonly checks?: ReadonlyArray<(config: RelaisConfig) => Promise<void>>;
  /** Wires the service from its config; does not listen. */
  create(config: RelaisConfig, logger: Logger): Promise<S> | S;
  /** Runs once the server listens (register a webhook, start polling…). Default: nothing. */
  started?(service: S, config: RelaisConfig, logger: Logger): Promise<void> | void;
  /** Logged once listening; default `<name> started`. */
  readonly startedMessage?: string;
  /** Logged when SIGINT or SIGTERM arrives; default `stopping`. */
  readonly stoppingMessage?: string;
  /** Runs after a clean `close()`, with what it resolved with, before the process exits 0. */
  stopped?(result: Awaited<ReturnType<S['close']>>, logger: Logger): void;
}

/** The values of `config` that must never appear on a start-up line. */
function secretsOf(config: RelaisConfig): string[] {
  const passwords = [config.databaseUrl, config.redisUrl, config.smtpUrl ?? ''].flatMap((url) => {
    try {
      const { password } = new URL(url);
      return password ? [password, decodeURIComponent(password)] : [];
    } catch {
      return [];
    }
  });
  const values = [
    config.dataKey?.toString('base64'),
    config.sessionSecret,
    config.telegram.token,
    config.telegram.webhookSecret,
    config.microsoft?.appPassword,
    config.devApiToken,
    ...passwords,
  ];
  return values.filter((value): value is string => Boolean(value));
}

/**
 * The one stderr line for a failed start-up: the Relais error's message when it is a known
 * problem, else the first line of the unknown error's message; never a stack trace, never a secret.
 */
export function startupLine(name: string, error: unknown, config: RelaisConfig, portVariable?: PortVariable): string {
  const known = classifyStartupError(error, { config, portVariable });
  let line: string;
  if (known instanceof ConfigError) line = `relais: configuration error: ${known.message}`;
  else if (known) line = `relais ${name}: ${known.message}`;
  else {
    const message = error instanceof Error ? error.message : String(error);
    const first = message.split('\n')[0] ?? '';
    line = `relais ${name}: could not start: ${first || (error instanceof Error ? error.name : 'no reason given')} (LOG_LEVEL=debug logs the stack trace)`;
  }
  return withoutSecrets(line.replace(/\s*\n\s*/g, ' '), secretsOf(config));
}

/**
 * The `main` of a Relais service: loads the config (a bad variable stops here with one line),
 * runs the start-up checks, creates the service, listens on its port, and stops it gracefully on
 * SIGINT / SIGTERM (exit 0, or 1 when the stop is unclean). Any start-up failure prints ONE line on
 * stderr naming the cause and what to do, and exits with code 1.
 *
 * @param env defaults to the process environment.
 */
export async function runService<S extends RunnableService>(
  definition: ServiceDefinition<S>,
  env?: Environment,
): Promise<void> {
  const config = loadConfigOrExit(env);
  const { name, portVariable } = definition;
  const logger = createLogger({ service: definition.logName ?? name, level: config.logLevel });
  const port = config.ports[PORT_VARIABLES[portVariable]];
  let service: S;
  try {
    await Promise.all((definition.checks ?? []).map((check) => check(config)));
    service = await definition.create(config, logger);
    await service.server.listen({ host: config.host, port });
    logger.info({ port }, definition.startedMessage ?? `${name} started`);
    await definition.started?.(service, config, logger);
  } catch (error) {
    if (!classifyStartupError(error, { config, portVariable })) logger.debug({ err: error }, 'start-up failed');
    process.stderr.write(`${startupLine(name, error, config, portVariable)}\n`);
    process.exit(1);
  }

  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, definition.stoppingMessage ?? 'stopping');
      service.close().then(
        (result) => {
          definition.stopped?.(result as Awaited<ReturnType<S['close']>>, logger);
          process.exit(0);
        },
        (error: unknown) => {
          logger.error({ err: error }, 'unclean stop');
          process.exit(1);
        },
      );
    });
  }
}
