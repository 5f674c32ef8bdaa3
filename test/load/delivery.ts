/** How a sender that must not lose anything posts to a pool of bot processes behind a load balancer. */
export interface Delivery {
  /** Attempts made, first ones included. */
  attempts: number;
  /** Attempts that got no 2xx (a refused connection, a reset, a 5xx) and were sent again. */
  redeliveries: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Posts `body` to `path` on one of `targets` (round robin, like a load balancer) until a 2xx comes
 * back, the way Telegram re-delivers an unacknowledged update: a refused connection, a reset or a
 * 5xx is retried with growing delays (100 ms to 2 s), on the next target. Gives up after `budgetMs`.
 * Resolves with the response's status and JSON body (or undefined when it was not JSON).
 */
export async function deliverUntilAcknowledged(
  targets: readonly string[],
  path: string,
  init: { headers: Record<string, string>; body?: string; method?: string },
  stats: Delivery,
  budgetMs = 120_000,
): Promise<{ status: number; json: unknown }> {
  const deadline = Date.now() + budgetMs;
  for (let attempt = 0; ; attempt++) {
    stats.attempts += 1;
    const target = targets[(attempt + Math.floor(Math.random() * targets.length)) % targets.length]!;
    try {
      const response = await fetch(`${target}${path}`, {
        method: init.method ?? 'POST',
        headers: init.headers,
        body: init.body,
        signal: AbortSignal.timeout(30_000),
      });
      const text = await response.text();
      if (response.status < 500) {
        let json: unknown;
        try {
          json = text ? JSON.parse(text) : undefined;
        } catch {
          json = undefined;
        }
        return { status: response.status, json };
      }
    } catch {
      // refused or reset: that process is down; the next attempt goes elsewhere
    }
    if (Date.now() > deadline) throw new Error(`no acknowledgement for ${path} within ${budgetMs} ms`);
    stats.redeliveries += 1;
    await sleep(Math.min(2_000, 100 * 2 ** Math.min(attempt, 5)));
  }
}
