/**
 * A bank of sentences and identities from which `pii-corpus-generate.ts` composes labelled report
 * texts. Sentences hold slots in braces: labelled ones become `[[KIND|value]]` in the corpus file,
 * the others ({CITY}, {DATE}, {TIME}, {LINE}, {STATION}) are plain text and often traps.
 *
 * Labelled slots: {FIRST} {first} {FULL} {SURNAME} {surname} {TITLE} {TITLE_EN} (PERSON), {PHONE},
 * {EMAIL}, {ADDR} {STREET_NUM} (ADDRESS), {PLATE}, {PROFILE} {URL} (URL), {HANDLE} {TME} {PSEUDO}
 * (HANDLE), {BDATE} {BDATE_EN} (BIRTHDATE), {NIR}, {CARD}, {IBAN}, {IP}.
 */
export interface CorpusBank {
  firstNames: readonly string[];
  surnames: readonly string[];
  cities: readonly string[];
  streets: readonly string[];
  emailDomains: readonly string[];
  pseudonyms: readonly string[];
  /** What happened, often naming someone. */
  incidents: readonly string[];
  /** Sentences that carry contact details and identifiers. */
  details: readonly string[];
  /** Endings without any labelled slot. */
  closings: readonly string[];
  /** Whole sentences without any identifying detail, with traps (short numbers, streets, cities). */
  clean: readonly string[];
}
