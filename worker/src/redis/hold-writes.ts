import type { Redis } from 'ioredis';

/**
 * Holds what `redis` writes to its socket until the end of this turn of the event loop, then sends
 * it together: the commands that follow in this turn (the completions of a batch of jobs, one
 * script each) leave in one write instead of one system call each, and Redis reads them in one go.
 * Nothing about the commands changes (order, replies, errors); only how their bytes are sent. A
 * connection that is down or not writable is left alone (ioredis queues its commands offline).
 */
export function holdWritesThisTurn(redis: Redis): void {
  const socket = redis.stream;
  if (redis.status !== 'ready' || !socket || !socket.writable) return;
  socket.cork();
  setImmediate(() => socket.uncork());
}
