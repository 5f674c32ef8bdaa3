import { SUBMISSION_LIMIT } from '@relais/bots';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLoad, type LoadOutcome } from '../load/load-run.ts';
import { startLoadStack, type LoadStack } from '../load/load-stack.ts';

// The full-size run (5,000 Telegram and 2,000 web conversations) is `npm run bench -- load`;
// this one plays the same load, smaller, with every fault and both flooding clients, in CI.
const PLAN = { telegram: 240, directLine: 80, concurrency: 40, faults: true, abuse: true } as const;

let stack: LoadStack;
let outcome: LoadOutcome;

beforeAll(async () => {
  stack = await startLoadStack();
  outcome = await runLoad(stack, PLAN);
}, 600_000);

afterAll(async () => {
  await stack?.close();
}, 60_000);

describe('the whole system under load, with faults and floods', () => {
  it('stores every report exactly once, through a killed worker, a killed bot process, a Redis restart and a PostgreSQL restart', () => {
    expect(outcome.errors).toEqual([]);
    expect(outcome.conversations).toBe(PLAN.telegram + PLAN.directLine);
    expect(outcome.finished).toBe(outcome.conversations);
    expect(outcome.faults.map((f) => f.name)).toHaveLength(4);
    for (const fault of outcome.faults)
      expect({ fault: fault.name, lost: fault.lost, duplicated: fault.duplicated, by: fault.lostByChannel }).toEqual({
        fault: fault.name,
        lost: 0,
        duplicated: 0,
        by: 'telegram 0, webchat 0',
      });
    expect(outcome.lost).toBe(0);
    expect(outcome.duplicated).toBe(0);
    expect(outcome.storedOnce).toBe(outcome.conversations);
  });

  it('shows every receipted report in the moderation API', () => {
    expect(outcome.notVisible).toBe(0);
    expect(outcome.visibleLatencyMs.count).toBeGreaterThan(0.95 * outcome.conversations);
  });

  it('slows a flooding Telegram chat and a flooding web client down with a friendly message, and nobody else', () => {
    const abuse = outcome.abuse!;
    // A flood is many times what the limits let through (how fast the machine lets the abuser go
    // is not what is tested: on a loaded 2-core machine it sends some 60 a minute instead of 100+).
    expect(abuse.telegram).toMatchObject({ toldFriendly: true });
    expect(abuse.telegram.reportsAttempted).toBeGreaterThanOrEqual(5 * SUBMISSION_LIMIT.max);
    expect(abuse.telegram.stored).toBeLessThanOrEqual(SUBMISSION_LIMIT.max);
    expect(abuse.web).toMatchObject({ toldFriendly: true });
    expect(abuse.web.reportsAttempted).toBeGreaterThanOrEqual(5 * SUBMISSION_LIMIT.max);
    expect(abuse.othersThrottled).toBe(0);
  });

  it('leaves no canary name, phone number or e-mail address in any log, Redis key or clear PostgreSQL column', () => {
    const privacy = outcome.privacy!;
    expect(privacy.searched.logLines).toBeGreaterThan(100);
    expect(privacy.searched.redisKeys).toBeGreaterThan(100);
    expect(privacy.logLines).toEqual([]);
    expect(privacy.redisKeys).toEqual([]);
    expect(privacy.clearColumns).toEqual([]);
    expect(privacy.encryptedColumns).toEqual([]);
  });
});
