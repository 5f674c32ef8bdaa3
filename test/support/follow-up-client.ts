import { expect } from 'vitest';

/** A report as `GET /report/follow/report` shows it to its signed-in holder. */
export interface FollowUpPageView {
  readonly reference: string;
  readonly status: string;
  readonly open: boolean;
  readonly answersExpected: boolean;
  readonly messages: readonly { readonly from: string; readonly text: string }[];
}

/**
 * The follow-up page's JSON API on the bots service at `botsUrl`, called as the page's script
 * calls it: sign in with a reference and a secret phrase, then read and answer with the token.
 */
export function followUpClient(botsUrl: string) {
  const signIn = (reference: string, phrase: string) =>
    fetch(`${botsUrl}/report/follow/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reference, phrase }),
    });
  const withToken = (token: string, path: string, init: { method?: string; json?: unknown } = {}) =>
    fetch(`${botsUrl}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${token}`,
        ...(init.json !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: init.json !== undefined ? JSON.stringify(init.json) : undefined,
    });
  return {
    signIn,
    withToken,
    /** Signs in (which must succeed) and resolves with the session token. */
    async session(reference: string, phrase: string): Promise<string> {
      const response = await signIn(reference, phrase);
      expect(response.status).toBe(201);
      return ((await response.json()) as { token: string }).token;
    },
    async view(token: string): Promise<FollowUpPageView> {
      return (await (await withToken(token, '/report/follow/report')).json()) as FollowUpPageView;
    },
    /** Posts an answer to the association; resolves with the HTTP status. */
    async answer(token: string, text: string): Promise<number> {
      const response = await withToken(token, '/report/follow/messages', { method: 'POST', json: { text } });
      await response.arrayBuffer();
      return response.status;
    },
  };
}
