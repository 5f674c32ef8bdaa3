/** Whether the UTF-16 code unit is an ASCII digit. */
function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * Whether the UTF-16 code unit is a letter or digit for boundary purposes: ASCII letters and digits,
 * and every non-ASCII letter of the Latin, Greek, Cyrillic… blocks (approximated by code >= 0xC0,
 * minus the two mathematical signs). Cheap enough to call at every candidate boundary.
 */
function isWordCode(code: number): boolean {
  if (code >= 48 && code <= 57) return true;
  if (code >= 65 && code <= 90) return true;
  if (code >= 97 && code <= 122) return true;
  return code >= 0xc0 && code !== 0xd7 && code !== 0xf7 && (code < 0x2000 || code > 0x2bff);
}

/** Whether the character before `index` (if any) is a letter or digit. */
export function wordBefore(text: string, index: number): boolean {
  return index > 0 && isWordCode(text.charCodeAt(index - 1));
}

/** Whether the character at `index` (if any) is a letter or digit. */
export function wordAt(text: string, index: number): boolean {
  return index < text.length && isWordCode(text.charCodeAt(index));
}

/**
 * The ASCII alphanumerics of `text[start, end)` in upper case, with the offset just after each one,
 * so that a prefix of the compact form maps back to a span of the text.
 */
export function compactAlnum(text: string, start: number, end: number): { chars: string; ends: number[] } {
  let chars = '';
  const ends: number[] = [];
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (isDigitCode(code) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) {
      chars += text[i]?.toUpperCase() ?? '';
      ends.push(i + 1);
    }
  }
  return { chars, ends };
}
