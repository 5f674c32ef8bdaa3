import { finding, type PiiFinding } from './pii-finding.js';

// Top-level domains that mark a scheme-less link ("instagram.com/lolo", "mairie-montpellier.fr").
const TLDS =
  'com|fr|net|org|io|me|be|ch|eu|info|biz|co|uk|de|es|it|pt|nl|lu|ly|gg|tv|app|dev|xyz|gay|lgbt|site|online|shop|blog|page|link|club|live|ru|ca|us|re|gp|mq|nc|pf|yt|pm';

const TRIGGER = new RegExp(`(?:https?://|www\\.|\\.(?:${TLDS})(?![A-Za-z0-9-]))`, 'gi');

const MAX_URL = 2048;

function isHostCode(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 45 ||
    code === 46
  );
}

/** Characters that end a link: blanks, quotes, angle brackets and the like. */
function endsUrl(code: number): boolean {
  return (
    code <= 32 ||
    code === 34 ||
    code === 60 ||
    code === 62 ||
    code === 96 ||
    code === 123 ||
    code === 125 ||
    code === 124 ||
    code === 92 ||
    code === 94 ||
    code === 0xa0 ||
    code === 0xab ||
    code === 0xbb ||
    code === 0x201c ||
    code === 0x201d ||
    code === 0x2019 ||
    code === 0x202f
  );
}

/** Trailing punctuation that belongs to the sentence, not to the link. */
function isTrailing(code: number): boolean {
  return (
    code === 46 ||
    code === 44 ||
    code === 59 ||
    code === 58 ||
    code === 33 ||
    code === 63 ||
    code === 41 ||
    code === 93 ||
    code === 39
  );
}

/**
 * Finds links, with or without a scheme (`https://…`, `www.…`, `instagram.com/lolo_34`): 0.9, or
 * 0.95 for a social-network profile path. Telegram links (`t.me/name`) are reported as HANDLE, since
 * they name an account. Text right after an `@` is an e-mail domain, not a link.
 */
export function findUrls(text: string, out: PiiFinding[]): void {
  let lastEnd = 0;
  TRIGGER.lastIndex = 0;
  for (let m = TRIGGER.exec(text); m !== null; m = TRIGGER.exec(text)) {
    if (m.index < lastEnd) continue;
    let start = m.index;
    if (m[0].startsWith('.')) {
      while (start > lastEnd && start > 0 && isHostCode(text.charCodeAt(start - 1))) start--;
      if (start === m.index) continue;
      const before = text.charCodeAt(start - 1);
      if (before === 64 || before === 47 || before === 58) continue; // e-mail domain or already in a link
    }
    while (start < m.index && text.charCodeAt(start) === 46) start++;
    let end = m.index + m[0].length;
    while (end < text.length && end - start < MAX_URL && !endsUrl(text.charCodeAt(end))) end++;
    while (end > m.index + m[0].length - 1 && isTrailing(text.charCodeAt(end - 1))) end--;
    if (end - start < 4) continue;
    lastEnd = end;
    TRIGGER.lastIndex = end;
    const url = text.slice(start, end).toLowerCase();
    if (/^(?:https?:\/\/)?(?:www\.)?(?:t|telegram)\.me\/\w/.test(url)) {
      out.push(finding('HANDLE', text, start, end, 0.95));
    } else {
      const profile = /(?:facebook|instagram|tiktok|twitter|x|snapchat|linkedin|youtube|twitch)\.com\/./.test(url);
      out.push(finding('URL', text, start, end, profile ? 0.95 : 0.9));
    }
  }
}
