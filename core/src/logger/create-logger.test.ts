import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './create-logger.js';

describe('createLogger', () => {
  it('never writes report text, contact details, chat ids or tokens', () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = createLogger({ service: 'test', destination });
    logger.info(
      {
        description: 'il m’a frappé devant le 14 rue des Lilas',
        contact: { method: 'phone', value: '0612345678' },
        update: { message: { chat: { id: 987654321 }, text: 'secret' } },
        chatId: 987654321,
        token: '123:abc',
        reportId: 'r-1',
      },
      'report received',
    );
    const out = lines.join('');
    expect(out).toContain('r-1');
    for (const leak of ['Lilas', '0612345678', '987654321', 'secret', '123:abc']) expect(out).not.toContain(leak);
  });
});
