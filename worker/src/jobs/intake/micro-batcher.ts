/** Options of {@link createMicroBatcher}. */
export interface MicroBatcherOptions {
  /** Largest batch; a full batch is flushed at once. Default 64. */
  readonly maxBatch?: number;
  /** Longest wait for a batch to fill, in ms. Default 2. */
  readonly maxWaitMs?: number;
}

/**
 * Gathers calls made by concurrent jobs into one batch call (one SQL statement, one commit), and
 * hands each caller its own result. `run` gets the batch's items and returns one result per item,
 * in order; when it throws, every item of the batch is retried alone, so one bad item (or an
 * outage) only fails its own job.
 */
export function createMicroBatcher<Item, Result>(
  run: (items: readonly Item[]) => Promise<readonly Result[]>,
  options: MicroBatcherOptions = {},
): (item: Item) => Promise<Result> {
  const maxBatch = options.maxBatch ?? 64;
  const maxWaitMs = options.maxWaitMs ?? 2;
  let pending: { item: Item; resolve: (r: Result) => void; reject: (e: unknown) => void }[] = [];
  let timer: NodeJS.Timeout | undefined;

  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    const batch = pending;
    pending = [];
    if (batch.length === 0) return;
    run(batch.map((p) => p.item)).then(
      (results) => batch.forEach((p, i) => p.resolve(results[i]!)),
      (error: unknown) => {
        if (batch.length === 1) return batch[0]!.reject(error);
        for (const p of batch) run([p.item]).then((results) => p.resolve(results[0]!), p.reject);
      },
    );
  };

  return (item) =>
    new Promise<Result>((resolve, reject) => {
      pending.push({ item, resolve, reject });
      if (pending.length >= maxBatch) flush();
      else timer ??= setTimeout(flush, maxWaitMs);
    });
}
