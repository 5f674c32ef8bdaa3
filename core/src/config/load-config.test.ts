import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors/config-error.js';
import { loadConfig } from './load-config.js';

const KEY = Buffer.alloc(32, 7).toString('base64');

function errorOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('gives working defaults for local use', () => {
    const config = loadConfig({});
    expect(config.nodeEnv).toBe('development');
    expect(config.ports).toEqual({ bots: 3978, ui: 3000, worker: 9464 });
    expect(config.telegram).toMatchObject({ token: undefined, mode: 'polling', apiRoot: 'https://api.telegram.org' });
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
  });

  it('takes the public URL of the bots from BOTS_PORT when PUBLIC_URL is unset, and PUBLIC_URL as given otherwise', () => {
    expect(loadConfig({}).publicUrl).toBe('http://127.0.0.1:3978');
    expect(loadConfig({ BOTS_PORT: '4000' }).publicUrl).toBe('http://127.0.0.1:4000');
    expect(loadConfig({ BOTS_PORT: '4000', PUBLIC_URL: 'https://relais.example.org/' }).publicUrl).toBe(
      'https://relais.example.org',
    );
  });

  it('names the variable and what is expected, in one line, when a port is malformed', () => {
    const error = errorOf({ BOTS_PORT: 'eighty' });
    expect(error.variable).toBe('BOTS_PORT');
    expect(error.message).toMatch(/^BOTS_PORT must be a TCP port number/);
    expect(error.message).not.toContain('\n');
  });

  it('rejects a DATA_KEY that is not 32 bytes of base64 and says how to make one', () => {
    expect(errorOf({ DATA_KEY: 'c2hvcnQ=' }).message).toBe(
      'DATA_KEY must be 32 bytes in base64; generate one with: openssl rand -base64 32',
    );
    expect(loadConfig({ DATA_KEY: KEY }).dataKey?.length).toBe(32);
  });

  it('requires DATA_KEY and SESSION_SECRET in production', () => {
    expect(errorOf({ NODE_ENV: 'production' }).variable).toBe('DATA_KEY');
    expect(errorOf({ NODE_ENV: 'production', DATA_KEY: KEY }).variable).toBe('SESSION_SECRET');
  });

  it('requires a webhook secret in webhook mode', () => {
    const error = errorOf({ TELEGRAM_BOT_TOKEN: '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ', TELEGRAM_MODE: 'webhook' });
    expect(error.variable).toBe('TELEGRAM_WEBHOOK_SECRET');
  });

  it('rejects a malformed URL for DATABASE_URL and REDIS_URL', () => {
    expect(errorOf({ DATABASE_URL: 'mysql://x' }).variable).toBe('DATABASE_URL');
    expect(errorOf({ REDIS_URL: 'localhost:6379' }).variable).toBe('REDIS_URL');
  });

  it('wants the Azure Bot credentials as a pair', () => {
    expect(errorOf({ MICROSOFT_APP_ID: 'abc' }).variable).toBe('MICROSOFT_APP_PASSWORD');
  });

  it('trusts no proxy by default, and reads a list of proxies or refuses a malformed one', () => {
    expect(loadConfig({}).trustedProxies).toEqual([]);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8,2001:db8::1' }).trustedProxies).toEqual([
      'loopback',
      '10.0.0.0/8',
      '2001:db8::1',
    ]);
    for (const bad of ['yes', '10.0.0.0/33', '10.0.0.1/8/2', 'example.org']) {
      expect(errorOf({ TRUST_PROXY: bad }).message).toMatch(
        /^TRUST_PROXY must be a comma-separated list of the reverse proxies/,
      );
    }
  });

  it('caps Direct Line streams at 3 per conversation and 50 per address by default, or as set', () => {
    expect(loadConfig({}).directLineStreams).toEqual({ perConversation: 3, perAddress: 50 });
    expect(
      loadConfig({ DIRECT_LINE_STREAMS_PER_CONVERSATION: '2', DIRECT_LINE_STREAMS_PER_ADDRESS: '400' })
        .directLineStreams,
    ).toEqual({ perConversation: 2, perAddress: 400 });
    expect(errorOf({ DIRECT_LINE_STREAMS_PER_CONVERSATION: '0' }).message).toMatch(
      /^DIRECT_LINE_STREAMS_PER_CONVERSATION must be a whole number between 1 and 100/,
    );
    expect(errorOf({ DIRECT_LINE_STREAMS_PER_ADDRESS: 'many' }).variable).toBe('DIRECT_LINE_STREAMS_PER_ADDRESS');
  });

  it('treats an empty value as unset', () => {
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: '', SMTP_URL: '' }).telegram.token).toBeUndefined();
  });
});
