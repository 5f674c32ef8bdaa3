import { Writable } from 'node:stream';
import { createLogger, type Logger } from '@relais/core';

/** A real Relais logger whose lines are kept in memory, so tests can grep what would be logged. */
export function capturedLogger(service: string): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: createLogger({ service, level: 'debug', destination }), lines };
}
