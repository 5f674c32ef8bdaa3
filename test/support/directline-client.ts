import { createRequire } from 'node:module';
import type * as DirectLineModule from 'botframework-directlinejs';
import { WebSocket } from 'ws';

const require = createRequire(import.meta.url);

/**
 * Loads the official `botframework-directlinejs` client for Node: it needs browser globals
 * (XMLHttpRequest, WebSocket), given here by `xhr2` and `ws` as its README advises.
 */
export function loadDirectLineClient(): typeof DirectLineModule {
  const g = globalThis as Record<string, unknown>;
  g.XMLHttpRequest ??= require('xhr2');
  g.WebSocket ??= WebSocket;
  return require('botframework-directlinejs') as typeof DirectLineModule;
}
