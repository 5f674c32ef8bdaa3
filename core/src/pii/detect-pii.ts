import { findAddresses } from './address.js';
import { findBirthdates } from './birthdate.js';
import { findCards } from './card.js';
import { findEmails } from './email.js';
import { findHandles } from './handle.js';
import { findIbans } from './iban.js';
import { findIps } from './ip.js';
import { mergeFindings } from './merge-findings.js';
import { findNirs } from './nir.js';
import { findPersons } from './person.js';
import { findPhones } from './phone.js';
import type { PiiFinding } from './pii-finding.js';
import { findPlates } from './plate.js';
import { findUrls } from './url.js';

/** The scanners, each appending its findings; every one runs in time linear in the text. */
const SCANNERS: ReadonlyArray<(text: string, out: PiiFinding[]) => void> = [
  findIbans,
  findCards,
  findNirs,
  findEmails,
  findUrls,
  findHandles,
  findIps,
  findPhones,
  findPlates,
  findBirthdates,
  findAddresses,
  findPersons,
];

/**
 * Finds the identifying details of a report text (French first, English too): names, phone numbers,
 * e-mails, addresses, plates, IBAN, NIR, links, account names, cards, IP addresses, birth dates.
 *
 * Returns findings sorted by `start`, never overlapping (on overlap the more specific kind wins),
 * with UTF-16 offsets such that `text.slice(f.start, f.end) === f.text`. Never throws; an empty
 * text gives no finding. Recall is favoured over precision: a moderator reviews every highlight.
 */
export function detectPii(text: string): PiiFinding[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const found: PiiFinding[] = [];
  for (const scan of SCANNERS) scan(text, found);
  return mergeFindings(found);
}
