import { UnrecoverableError, type Job, type Queue } from 'bullmq';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Job states reported as queue depth. */
const DEPTH_STATES = ['waiting', 'prioritized', 'active', 'delayed', 'failed'] as const;

/** The worker's Prometheus metrics, served as text on `GET /metrics`. */
export interface WorkerMetrics {
  readonly registry: Registry;
  /** Records one processed job: its queue, its outcome and how long it took. */
  observe(queue: string, outcome: 'completed' | 'failed' | 'retry', seconds: number): void;
  /** Registers the queues whose depth is read at each scrape. */
  watchQueues(queues: readonly Queue[]): void;
}

/** Whether a failed attempt was the job's last: unrecoverable, or out of attempts. */
export function isFinalFailure(job: Job, error: unknown): boolean {
  return error instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
}

/**
 * Creates the worker's metrics on their own registry: `relais_jobs_completed_total{queue}`,
 * `relais_jobs_failed_total{queue,final}` (final: no retry left), `relais_job_duration_seconds{queue}`
 * (histogram), `relais_queue_jobs{queue,state}` (read from Redis at each scrape) and Node's
 * process metrics (`relais_worker_` prefix). No label ever carries a job's content.
 */
export function createWorkerMetrics(): WorkerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'relais_worker_' });
  const completed = new Counter({
    name: 'relais_jobs_completed_total',
    help: 'Jobs completed, per queue',
    labelNames: ['queue'],
    registers: [registry],
  });
  const failed = new Counter({
    name: 'relais_jobs_failed_total',
    help: 'Failed job attempts, per queue; final="true" when the job is out of retries (kept in the failed set)',
    labelNames: ['queue', 'final'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'relais_job_duration_seconds',
    help: 'Processing time of one job attempt, per queue',
    labelNames: ['queue'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const watched: Queue[] = [];
  new Gauge({
    name: 'relais_queue_jobs',
    help: 'Jobs in each queue, per state (read from Redis at scrape time)',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const queue of watched) {
        try {
          const counts = await queue.getJobCounts(...DEPTH_STATES);
          for (const state of DEPTH_STATES) this.set({ queue: queue.name, state }, counts[state] ?? 0);
        } catch {
          // Redis unreachable: no depth this scrape; /healthz says why.
        }
      }
    },
  });
  return {
    registry,
    observe(queue, outcome, seconds) {
      duration.observe({ queue }, seconds);
      if (outcome === 'completed') completed.inc({ queue });
      else failed.inc({ queue, final: outcome === 'failed' ? 'true' : 'false' });
    },
    watchQueues(queues) {
      watched.push(...queues);
    },
  };
}
