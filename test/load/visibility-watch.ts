import type { ConversationRecord } from './conversation-record.ts';

const BATCH = 200;

/**
 * Watches the moderation API (`GET /api/reports?reference=…`, the development bearer token) for
 * the receipts the players were shown, and stamps each record with the time its report was first
 * listed. Polls every `intervalMs` (the resolution of the figure); errors (a restarting database)
 * are simply polled again.
 */
export class VisibilityWatch {
  private readonly pending = new Map<string, ConversationRecord>();
  private running = true;
  private readonly loop: Promise<void>;
  /** Polls that failed (the moderation API or its database unavailable). */
  failedPolls = 0;
  /** Round-trip times of the polls that succeeded, in ms (the floor of the latency figure). */
  readonly pollTimes: number[] = [];

  constructor(
    private readonly moderationUrl: string,
    private readonly token: string,
    private readonly intervalMs = 100,
  ) {
    this.loop = this.run();
  }

  /** Starts watching for the record's report (it must have a reference). */
  watch(record: ConversationRecord): void {
    if (record.reference) this.pending.set(record.reference, record);
  }

  /** How many watched reports are not listed yet. */
  get waiting(): number {
    return this.pending.size;
  }

  private async run(): Promise<void> {
    while (this.running) {
      const started = Date.now();
      const references = [...this.pending.keys()];
      for (let i = 0; i < references.length && this.running; i += BATCH) {
        const batch = references.slice(i, i + BATCH);
        try {
          const sentAt = Date.now();
          const response = await fetch(`${this.moderationUrl}/api/reports?limit=200&reference=${batch.join(',')}`, {
            headers: { authorization: `Bearer ${this.token}` },
            signal: AbortSignal.timeout(10_000),
          });
          if (response.status !== 200) {
            this.failedPolls += 1;
            await response.arrayBuffer();
            continue;
          }
          const { items } = (await response.json()) as { items: { reference: string }[] };
          const seenAt = Date.now(); // no later than this (conservative by at most one round trip)
          this.pollTimes.push(seenAt - sentAt);
          for (const item of items) {
            const record = this.pending.get(item.reference);
            if (!record) continue;
            record.visibleAt = seenAt;
            this.pending.delete(item.reference);
          }
        } catch {
          this.failedPolls += 1;
        }
      }
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, this.intervalMs - (Date.now() - started))));
    }
  }

  /** Waits until every watched report is listed, or `timeoutMs` passed; then stops polling. */
  async settle(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.pending.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    this.running = false;
    await this.loop;
  }
}
