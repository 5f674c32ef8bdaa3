import { describe, expect, it } from 'vitest';
import { streamUrlOf } from './directline-stream.js';

describe('the stream URL of a conversation', () => {
  it('is built on PUBLIC_URL: wss for https, ws for http, the token escaped, a base path kept', () => {
    expect(streamUrlOf('https://relais.example.org', 'abc', 'x.y+z')).toBe(
      'wss://relais.example.org/v3/directline/conversations/abc/stream?t=x.y%2Bz',
    );
    expect(streamUrlOf('http://127.0.0.1:3978/', 'abc', 't')).toBe(
      'ws://127.0.0.1:3978/v3/directline/conversations/abc/stream?t=t',
    );
    expect(streamUrlOf('https://example.org/relais', 'abc', 't')).toBe(
      'wss://example.org/relais/v3/directline/conversations/abc/stream?t=t',
    );
  });

  it('is not given without a public URL (clients then poll)', () => {
    expect(streamUrlOf(undefined, 'abc', 't')).toBeUndefined();
  });
});
