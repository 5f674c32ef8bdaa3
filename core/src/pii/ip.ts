import { finding, type PiiFinding } from './pii-finding.js';

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`(?<![\\d.])${OCTET}(?:\\.${OCTET}){3}(?!\\d|\\.\\d)`, 'g');

// An IPv6 address always holds ":x:" or "::"; find those anchors, then widen and validate.
const IPV6_ANCHOR = /:[0-9A-Fa-f]{0,4}:/g;

function isV6Code(code: number): boolean {
  return (code >= 48 && code <= 58) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102) || code === 46;
}

/** Whether the string is a valid IPv6 address (full, compressed with `::`, or ending in IPv4). */
function ipv6Valid(s: string): boolean {
  const halves = s.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((h) => (h === '' ? [] : h.split(':')));
  let count = 0;
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i] ?? '';
    if (i === groups.length - 1 && g.includes('.')) {
      if (!new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`).test(g)) return false;
      count += 2;
    } else if (/^[0-9A-Fa-f]{1,4}$/.test(g)) {
      count += 1;
    } else {
      return false;
    }
  }
  return halves.length === 2 ? count >= 2 && count < 8 : count === 8;
}

/** Finds IPv4 (0.9) and IPv6 (0.9) addresses. */
export function findIps(text: string, out: PiiFinding[]): void {
  IPV4.lastIndex = 0;
  for (let m = IPV4.exec(text); m !== null; m = IPV4.exec(text)) {
    out.push(finding('IP', text, m.index, m.index + m[0].length, 0.9));
  }
  let lastEnd = 0;
  IPV6_ANCHOR.lastIndex = 0;
  for (let m = IPV6_ANCHOR.exec(text); m !== null; m = IPV6_ANCHOR.exec(text)) {
    if (m.index < lastEnd) continue;
    let start = m.index;
    while (start > 0 && m.index - start < 40 && isV6Code(text.charCodeAt(start - 1))) start--;
    let end = m.index + m[0].length;
    while (end < text.length && end - start < 45 && isV6Code(text.charCodeAt(end))) end++;
    while (
      end > start &&
      (text.charCodeAt(end - 1) === 46 || (text.charCodeAt(end - 1) === 58 && text.charCodeAt(end - 2) !== 58))
    )
      end--;
    lastEnd = end;
    IPV6_ANCHOR.lastIndex = end;
    const candidate = text.slice(start, end);
    if (
      ipv6Valid(candidate) &&
      !/[\p{L}\p{N}]/u.test(text[end] ?? '') &&
      !/[\p{L}\p{N}]/u.test(text[start - 1] ?? '')
    ) {
      out.push(finding('IP', text, start, end, 0.9));
    }
  }
}
