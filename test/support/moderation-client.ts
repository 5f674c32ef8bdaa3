import { totpCode } from '@relais/moderation-ui';

const usedSteps = new Map<string, Set<number>>();

/** A TOTP code of `secret` not handed out before by this process (each code works once). */
export function freshTotp(secret: string): string {
  const used = usedSteps.get(secret) ?? new Set<number>();
  usedSteps.set(secret, used);
  const now = Math.floor(Date.now() / 30_000);
  for (const step of [now, now + 1, now - 1]) {
    if (!used.has(step)) {
      used.add(step);
      return totpCode(secret, step * 30_000 + 1_000);
    }
  }
  throw new Error('three logins of one account within 30 s: use another account');
}

/** What a response gave back, body parsed when JSON. */
export interface ClientResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/**
 * A minimal browser for the moderation API: keeps cookies, sends the CSRF token, never follows
 * redirects (tests look at them).
 */
export class ModerationClient {
  readonly cookies = new Map<string, string>();
  csrfToken: string | undefined;

  constructor(readonly baseUrl: string) {}

  /** Sends a request; `json` or `form` bodies; the CSRF header unless `csrf: false`. */
  async request(
    method: string,
    path: string,
    options: { json?: unknown; form?: Record<string, string>; headers?: Record<string, string>; csrf?: boolean } = {},
  ): Promise<ClientResponse> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let body: string | undefined;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(options.form).toString();
    }
    if (method !== 'GET' && options.csrf !== false && this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (value === '' || /max-age=0|expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, text, json };
  }

  /** GET. */
  get(path: string): Promise<ClientResponse> {
    return this.request('GET', path);
  }

  /** POST with a JSON body (and the CSRF header). */
  post(path: string, json: unknown = {}): Promise<ClientResponse> {
    return this.request('POST', path, { json });
  }

  /** Signs in with the login CSRF dance; returns the login response. */
  async login(email: string, password: string, totp?: string): Promise<ClientResponse> {
    const csrf = await this.get('/api/auth/csrf');
    this.csrfToken = csrf.json.csrfToken;
    const response = await this.post('/api/auth/login', { email, password, ...(totp ? { totp } : {}) });
    if (response.status === 200) this.csrfToken = response.json.csrfToken;
    return response;
  }
}
