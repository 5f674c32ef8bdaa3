import { timingSafeEqual } from 'node:crypto';

/** Equal-length, constant-time string comparison (CSRF tokens, bearer tokens). */
export function sameToken(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
