/** Options of {@link createMicroBatcher}. */
export interface MicroBatcherOptions {
  /** Largest batch. Default 64. */
  readonly maxBatch?: number;
  /** How many batches may run at once (each takes a database connection). Default 2. */
  readonly maxInFlight?: number;
}

interface Pending<Item, Result> {
  readonly item: Item;
  readonly resolve: (r: Result) => void;
  readonly reject: (e: unknown) => void;
}

/**
 * Gathers calls made by concurrent jobs into one batch call (one SQL statement, one commit), and
 * hands each caller its own result. `run` gets the batch's items and returns one result per item,
 * in order; when it throws, every item of the batch is retried alone, so one bad item (or an
 * outage) only fails its own job.
 *
 * Batches form by themselves, with no timer (group commit): a call made while `maxInFlight`
 * batches are running waits for one of them to end, and joins every call made meanwhile; a call
 * made when a slot is free runs after the current event-loop turn, with the calls of that turn.
 * Under light load a batch is one call with no added wait; under heavy load batches grow to
 * `maxBatch`.
 */
export function createMicroBatcher<Item, Result>(
  run: (items: readonly Item[]) => Promise<readonly Result[]>,
  options: MicroBatcherOptions = {},
): (item: Item) => Promise<Result> {
  const maxBatch = options.maxBatch ?? 64;
  const maxInFlight = options.maxInFlight ?? 2;
  let pending: Pending<Item, Result>[] = [];
  let inFlight = 0;
  let scheduled = false;

  const settle = async (batch: readonly Pending<Item, Result>[]) => {
    try {
      const results = await run(batch.map((p) => p.item));
      batch.forEach((p, i) => p.resolve(results[i]!));
    } catch (error) {
      if (batch.length === 1) batch[0]!.reject(error);
      else await Promise.all(batch.map((p) => run([p.item]).then((results) => p.resolve(results[0]!), p.reject)));
    }
  };

  const flush = () => {
    scheduled = false;
    while (inFlight < maxInFlight && pending.length > 0) {
      const batch = pending.slice(0, maxBatch);
      pending = pending.slice(batch.length);
      inFlight++;
      void settle(batch).finally(() => {
        inFlight--;
        flush();
      });
    }
  };

  return (item) =>
    new Promise<Result>((resolve, reject) => {
      pending.push({ item, resolve, reject });
      if (!scheduled && inFlight < maxInFlight) {
        scheduled = true;
        setImmediate(flush);
      }
    });
}
