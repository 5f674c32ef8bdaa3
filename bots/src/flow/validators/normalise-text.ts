/**
 * Lower-cases, strips diacritics and apostrophe variants, and collapses spaces: the form typed
 * answers are matched in ("Aujourd’hui " → "aujourd'hui").
 */
export function normaliseText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}
