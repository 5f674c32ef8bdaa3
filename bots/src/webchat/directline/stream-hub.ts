import type { Redis } from 'ioredis';

/**
 * Fans Redis pub/sub notifications out to in-process listeners (open WebSocket streams), with one
 * subscriber connection per bot instance: any instance may append, every instance pushes.
 */
export class StreamHub {
  private readonly listeners = new Map<string, Set<() => void>>();

  constructor(private readonly subscriber: Redis) {
    subscriber.on('message', (channel: string) => {
      for (const listener of this.listeners.get(channel) ?? []) listener();
    });
  }

  /** Calls `listener` whenever `channel` is notified; returns the unsubscribe function. */
  async listen(channel: string, listener: () => void): Promise<() => Promise<void>> {
    let set = this.listeners.get(channel);
    if (!set) {
      set = new Set();
      this.listeners.set(channel, set);
      await this.subscriber.subscribe(channel);
    }
    set.add(listener);
    return async () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(channel) === set) {
        this.listeners.delete(channel);
        await this.subscriber.unsubscribe(channel).catch(() => undefined);
      }
    };
  }

  /** Closes the subscriber connection. */
  close(): void {
    this.subscriber.disconnect();
  }
}
