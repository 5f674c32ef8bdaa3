import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** One Relais service `npm start` runs as a child process. */
export interface ServiceSpec {
  readonly name: 'bots' | 'worker' | 'moderation-ui';
  readonly port: number;
}

/** Starts a service from its TypeScript sources (tsx), with `env`; its output goes to this terminal. */
export function startService(spec: ServiceSpec, env: Record<string, string | undefined>): ChildProcess {
  return spawn(process.execPath, ['--conditions=relais-source', '--import', 'tsx', `${spec.name}/src/main.ts`], {
    cwd: root,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

/** Waits until `GET /healthz` on `port` answers 200, or fails after `timeoutMs`. */
export async function waitHealthy(port: number, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`service on port ${port} did not become healthy within ${timeoutMs / 1000} s`);
}
