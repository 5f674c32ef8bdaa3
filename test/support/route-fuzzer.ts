import { randomUUID } from 'node:crypto';
import type { SeededRandom } from '@relais/core/testing';

/** One route of a Fastify server: a method and a path with `:params`. */
export interface FuzzRoute {
  readonly method: string;
  readonly path: string;
}

/**
 * Every route of a Fastify server, read from `printRoutes({ commonPrefix: false })` (HEAD and
 * OPTIONS left out, wildcards kept), so a fuzzer covers routes added later without being told.
 */
export function routesOf(tree: string): FuzzRoute[] {
  const routes: FuzzRoute[] = [];
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^([│ ├└─]*?)(?:[├└]── )(.+?) \(([A-Z, ]+)\)$/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    const segment = match[2]!;
    const parent = depth === 0 ? '' : stack[depth - 1]!;
    const path =
      depth === 0
        ? segment
        : depth === 1 && !segment.startsWith('/') && !segment.startsWith('.')
          ? `/${segment}`
          : `${parent}${segment}`;
    stack[depth] = path === '/' ? '' : path;
    for (const method of match[3]!.split(', '))
      if (method !== 'HEAD' && method !== 'OPTIONS') routes.push({ method, path: path || '/' });
  }
  return routes;
}

/** Identifiers and values a fuzzer may put in a path parameter; `known` adds real ones. */
function paramValue(rng: SeededRandom, known: readonly string[]): string {
  const pool = [
    ...known,
    randomUUID(),
    '0',
    '-1',
    '1e309',
    'null',
    '%00',
    '..%2F..%2Fetc%2Fpasswd',
    '%F0%9F%92%A9',
    "'%20OR%201=1--",
    '2026-W99',
    '0000-W00',
    encodeURIComponent('x'.repeat(3000)),
    encodeURIComponent('<script>alert(1)</script>'),
    rng.string(1 + rng.int(40), 'abcXYZ0189-_.~'),
  ];
  return rng.pick(pool);
}

const QUERY_KEYS = [
  'status',
  'tunnel',
  'postalCode',
  'actType',
  'from',
  'to',
  'limit',
  'offset',
  'reference',
  'watermark',
  't',
  'lang',
  'week',
  'action',
  'actor',
  'partner',
  'q',
  'motive',
  'placeType',
];
const FIELDS = [
  'email',
  'password',
  'totp',
  'newPassword',
  'currentPassword',
  'text',
  'reason',
  'tags',
  'priority',
  'version',
  'anonymisedText',
  'findings',
  'kinds',
  'start',
  'end',
  'slug',
  'name',
  'scope',
  'postalCodes',
  'tunnels',
  'digestEmails',
  'role',
  'partnerId',
  'active',
  'status',
  'comment',
  'type',
  'from',
  'value',
  'user',
  'id',
  'tunnel',
  'locale',
  'isoWeek',
  'displayName',
  'address',
  'commune',
  'phone',
  'hours',
  'update_id',
  'message',
  'callback_query',
  'reference',
  'phrase',
  'dismissals',
];

function scalar(rng: SeededRandom): unknown {
  return rng.pick<() => unknown>([
    () => rng.string(rng.int(30), 'azAZ09 -@._éà€😀'),
    () => 'x'.repeat(20_000 + rng.int(100_000)),
    () => rng.int(1_000_000) - 500_000,
    () => Number.MAX_SAFE_INTEGER * 10,
    () => -0.5,
    () => null,
    () => true,
    () => '',
    () => '2026-13-45',
    () => '<img src=x onerror=alert(1)>',
    () => "'; DROP TABLE reports; --",
    () => randomUUID(),
    () => '\u0000\u202e\ud800',
  ])();
}

function value(rng: SeededRandom, depth: number): unknown {
  if (depth > 3 || rng.next() < 0.5) return scalar(rng);
  if (rng.next() < 0.5) return Array.from({ length: rng.int(6) }, () => value(rng, depth + 1));
  return object(rng, depth + 1);
}

function object(rng: SeededRandom, depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let i = rng.int(6); i > 0; i--)
    out[rng.next() < 0.9 ? rng.pick(FIELDS) : rng.string(8, 'abc_$.')] = value(rng, depth);
  return out;
}

/** A request body: JSON of a random shape, broken JSON, another content type, or none. */
function body(rng: SeededRandom): { body?: string; contentType?: string } {
  return rng.pick<() => { body?: string; contentType?: string }>([
    () => ({ body: JSON.stringify(object(rng)), contentType: 'application/json' }),
    () => ({ body: JSON.stringify(object(rng)), contentType: 'application/json' }),
    () => ({ body: JSON.stringify(value(rng, 0)), contentType: 'application/json' }),
    () => ({
      body: rng.pick([
        '{',
        '[1,',
        '{"a":}',
        'nul',
        '"\\ud800"',
        '1e999999',
        '[]',
        '',
        '{"__proto__":{"role":"admin"}}',
        '{"constructor":{"prototype":{"x":1}}}',
      ]),
      contentType: 'application/json',
    }),
    () => ({ body: '['.repeat(10_000) + ']'.repeat(10_000), contentType: 'application/json' }),
    () => ({ body: 'x'.repeat(2_000_000), contentType: 'application/json' }),
    () => ({
      body: new URLSearchParams(Object.entries(object(rng)).map(([k, v]) => [k, String(v)])).toString(),
      contentType: 'application/x-www-form-urlencoded',
    }),
    () => ({ body: '%%%&&&===', contentType: 'application/x-www-form-urlencoded' }),
    () => ({ body: 'hello', contentType: 'text/plain' }),
    () => ({
      body: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--',
      contentType: 'multipart/form-data; boundary=x',
    }),
    () => ({}),
  ])();
}

/** One fuzzed request of `route`: its URL, method, headers and body. */
export interface FuzzRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

/** Builds a fuzzed request of `route` with `headers` (a session, a token, or none). */
export function fuzzRequest(
  rng: SeededRandom,
  route: FuzzRoute,
  known: readonly string[],
  headers: Record<string, string>,
): FuzzRequest {
  const path = route.path
    .replace(/:\w+/g, () => paramValue(rng, known))
    .replace(/\*$/, () => rng.string(rng.int(20), 'abc/._-'));
  const query = new URLSearchParams();
  for (let i = rng.int(4); i > 0; i--) {
    const v = scalar(rng);
    query.append(
      rng.next() < 0.85 ? rng.pick(QUERY_KEYS) : rng.string(6, 'xyz[]'),
      typeof v === 'string' ? v.slice(0, 3_000) : String(v),
    );
  }
  const search = query.toString();
  const b = route.method === 'GET' || route.method === 'DELETE' ? {} : body(rng);
  return {
    method: route.method,
    url: `${path}${search ? `?${search}` : ''}`,
    headers: { ...headers, ...(b.contentType ? { 'content-type': b.contentType } : {}) },
    ...(b.body !== undefined ? { body: b.body } : {}),
  };
}
