import type { Generated, Selectable } from 'kysely';

/** `safe_places`: venues of the "En lieu sûr" network where a person in danger can take shelter. */
export interface SafePlaceTable {
  id: Generated<string>;
  name: string;
  address: string;
  postal_code: string;
  commune: string;
  phone: string | null;
  hours: string | null;
  latitude: number | null;
  longitude: number | null;
  active: Generated<boolean>;
}

/** A safe place row. */
export type SafePlaceRow = Selectable<SafePlaceTable>;
