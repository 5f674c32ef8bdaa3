import { finding, type PiiFinding } from './pii-finding.js';

const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;

/** Whether the code unit may appear in the local part of an address (before the `@`). */
export function isLocalCode(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 46 ||
    code === 95 ||
    code === 45 ||
    code === 43 ||
    code === 37
  );
}

function isDomainCode(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 45 ||
    code === 46
  );
}

// "lolo [at] gmail [dot] com", "lolo arobase gmail point com": found from the spelled-out "at".
const SPELLED_AT = /\[at\]|\(at\)|\{at\}|\[arobase\]|\(arobase\)| arobase | at /gi;
// A plain dot takes no blank around it: "at me. Me" ends a sentence, "at gmail.com" is a domain.
const SPELLED_DOMAIN =
  / ?[A-Za-z0-9-]{1,63}(?:\.| ?(?:\[dot\]|\(dot\)|\[point\]|\(point\)| dot | point ) ?)(?:com|fr|net|org|be|ch|eu|io|me|info)(?![A-Za-z0-9])/iy;

function findSpelledEmails(text: string, out: PiiFinding[]): void {
  SPELLED_AT.lastIndex = 0;
  for (let m = SPELLED_AT.exec(text); m !== null; m = SPELLED_AT.exec(text)) {
    SPELLED_DOMAIN.lastIndex = m.index + m[0].length;
    const domain = SPELLED_DOMAIN.exec(text);
    if (domain === null) continue;
    let start = m.index;
    if (start > 0 && text.charCodeAt(start - 1) === 32 && !m[0].startsWith(' ')) start--;
    const localEnd = start;
    while (start > 0 && localEnd - start < MAX_LOCAL && isLocalCode(text.charCodeAt(start - 1))) start--;
    if (start === localEnd) continue;
    const end = SPELLED_DOMAIN.lastIndex;
    out.push(finding('EMAIL', text, start, end, 0.8));
    SPELLED_AT.lastIndex = end;
  }
}

/**
 * Finds e-mail addresses (0.97), scanning from each `@` outwards rather than with one regex over the
 * whole text (linear time), and spelled-out ones such as "lolo [at] gmail [dot] com" (0.8).
 */
export function findEmails(text: string, out: PiiFinding[]): void {
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && at - start < MAX_LOCAL && isLocalCode(text.charCodeAt(start - 1))) start--;
    while (start < at && text.charCodeAt(start) === 46) start++;
    if (start === at) continue;
    let end = at + 1;
    while (end < text.length && end - at <= MAX_DOMAIN && isDomainCode(text.charCodeAt(end))) end++;
    while (end > at + 1 && (text.charCodeAt(end - 1) === 46 || text.charCodeAt(end - 1) === 45)) end--;
    const domain = text.slice(at + 1, end);
    const dot = domain.lastIndexOf('.');
    if (dot <= 0 || !/^[A-Za-z]{2,24}$/.test(domain.slice(dot + 1))) continue;
    out.push(finding('EMAIL', text, start, end, 0.97));
  }
  findSpelledEmails(text, out);
}
