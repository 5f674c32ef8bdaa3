import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import {
  INTAKE_JOB,
  INTAKE_JOB_OPTIONS,
  INTAKE_QUEUE,
  sealSubmission,
  type IntakeJobData,
  type Keyring,
  type ReportSubmission,
} from '@relais/core';

/**
 * The bots' side of the intake queue. `submit` resolves only once the job is in Redis; the job id
 * is the report id, so submitting the same report twice adds it once.
 */
export class IntakeQueue {
  private readonly queue: Queue<IntakeJobData>;

  constructor(
    connection: Redis,
    prefix: string,
    private readonly keyring: Keyring,
  ) {
    this.queue = new Queue<IntakeJobData>(INTAKE_QUEUE, { connection, prefix });
  }

  /** Seals and enqueues a submission. */
  async submit(submission: ReportSubmission): Promise<void> {
    await this.queue.add(INTAKE_JOB, sealSubmission(this.keyring, submission), {
      ...INTAKE_JOB_OPTIONS,
      jobId: submission.id,
    });
  }

  /** Closes the queue (not the shared connection). */
  async close(): Promise<void> {
    await this.queue.close();
  }
}
