import type { LoadStack, ServiceSlot } from './load-stack.ts';

/** A fault the load run injects, and what it did. */
export interface FaultReport {
  readonly name: string;
  /** Seconds into the run when it started and when the system was whole again. */
  startedAt: number;
  endedAt: number;
  /** Conversations in progress when it struck. */
  inFlight: number;
  /**
   * Of the conversations under way at any moment between the fault and the recovery, how many
   * ended with no report stored, or more than one (filled in after the run).
   */
  lost: number;
  duplicated: number;
  /** The lost ones by channel, e.g. `telegram 1, webchat 0` (for diagnosis). */
  lostByChannel: string;
}

/** A fault: what it is called and how to inflict it and heal it. */
export interface Fault {
  readonly name: string;
  inflict(stack: LoadStack): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function killAndRestart(slot: ServiceSlot): Promise<void> {
  const victim = slot.current;
  victim.child.kill('SIGKILL');
  await victim.exited();
  await sleep(500);
  await slot.restart();
}

/** The faults of issue 9, in the order a run injects them. */
export const LOAD_FAULTS: readonly Fault[] = [
  { name: 'a worker killed with SIGKILL and restarted', inflict: (stack) => killAndRestart(stack.workers[0]!) },
  // Telegram re-delivers what a dead process did not acknowledge: the players do the same.
  { name: 'a bot process killed with SIGKILL and restarted', inflict: (stack) => killAndRestart(stack.bots[0]!) },
  {
    name: 'Redis restarted (AOF on)',
    async inflict(stack) {
      await stack.redis.stop();
      await sleep(1_000);
      await stack.redis.start();
    },
  },
  {
    name: 'PostgreSQL restarted',
    async inflict(stack) {
      await stack.postgres.stop();
      await sleep(1_000);
      await stack.postgres.start();
    },
  },
];
