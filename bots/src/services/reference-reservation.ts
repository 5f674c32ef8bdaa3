import type { Redis } from 'ioredis';
import { newReference } from '@relais/core';

/** A receipt reference stays reserved this long (beyond any report's retention). */
const RESERVATION_SECONDS = 400 * 24 * 3600;
const MAX_DRAWS = 8;

/**
 * Makes a report's receipt reference unique among all reports: `SET <prefix>:ref:<reference>
 * <reportId> NX`, redrawing on the rare clash (24^8 values). Idempotent per report: asking again
 * for the same report returns the reference it got the first time.
 */
export class ReferenceReservation {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly draw: () => string = newReference,
  ) {}

  /** The unique reference of `reportId`, starting from the one its draft shows. */
  async reserve(reportId: string, wanted: string): Promise<string> {
    const byReport = `${this.prefix}:ref-of:${reportId}`;
    const already = await this.redis.get(byReport);
    if (already) return already;
    let reference = wanted;
    for (let i = 0; i < MAX_DRAWS; i++) {
      const key = `${this.prefix}:ref:${reference}`;
      const taken = await this.redis.set(key, reportId, 'EX', RESERVATION_SECONDS, 'NX');
      if (taken !== null || (await this.redis.get(key)) === reportId) {
        await this.redis.set(byReport, reference, 'EX', RESERVATION_SECONDS);
        return reference;
      }
      reference = this.draw();
    }
    throw new Error(`no free receipt reference after ${MAX_DRAWS} draws: is the reference space exhausted?`);
  }
}
