import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The services `npm start` runs, by their entry point. */
export const SERVICE_ENTRIES = {
  bots: 'bots/src/main.ts',
  worker: 'worker/src/main.ts',
  moderation: 'moderation-ui/src/main.ts',
  /** The load's bare baseline in place of the bots (test/load/bare-bots-main.ts). */
  bareBots: 'test/load/bare-bots-main.ts',
} as const;

/** A Relais service running as a child process, as `npm start` runs it. */
export interface ServiceProcess {
  readonly name: string;
  readonly child: ChildProcess;
  readonly port: number;
  /** What it wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code (or the signal name) once it has exited. */
  exited(): Promise<number | string>;
}

/**
 * Spawns `entry` (a key of {@link SERVICE_ENTRIES}) with exactly `env` and waits until
 * `GET http://127.0.0.1:<port>/healthz` answers 200 (or throws with its output after `timeoutMs`).
 */
export async function startServiceProcess(
  name: string,
  entry: keyof typeof SERVICE_ENTRIES,
  port: number,
  env: Record<string, string>,
  timeoutMs = 30_000,
): Promise<ServiceProcess> {
  const child = spawn(process.execPath, ['--conditions=relais-source', '--import', 'tsx', SERVICE_ENTRIES[entry]], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const chunks: string[] = [];
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  const output = () => chunks.join('');
  const exit = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`${name} exited during start-up: ${output()}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      await response.arrayBuffer();
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} did not become healthy within ${timeoutMs} ms: ${output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { name, child, port, output, exited: () => exit };
}

/** Stops a service: SIGTERM (or `signal`), then waits for it to exit. */
export async function stopServiceProcess(service: ServiceProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (service.child.exitCode !== null || service.child.signalCode !== null) return;
  service.child.kill(signal);
  await service.exited();
}

/** How a service process that was expected to stop on its own ended. */
export interface ServiceExit {
  readonly code: number | string;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Spawns `entry` with exactly `env` and waits for it to exit by itself (a refused start-up);
 * kills it and throws with its output if it is still running after `timeoutMs`.
 */
export async function runServiceUntilExit(
  entry: keyof typeof SERVICE_ENTRIES,
  env: Record<string, string>,
  timeoutMs = 30_000,
): Promise<ServiceExit> {
  const child = spawn(process.execPath, ['--conditions=relais-source', '--import', 'tsx', SERVICE_ENTRIES[entry]], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise<number | string>((resolve) =>
    child.once('close', (exitCode, signal) => resolve(exitCode ?? signal ?? 'unknown')),
  );
  clearTimeout(timer);
  if (code === 'SIGKILL') throw new Error(`${entry} was still running after ${timeoutMs} ms: ${stdout}${stderr}`);
  return { code, stdout, stderr };
}
