import type { SafePlaceRow } from '../tables/safe-place.table.js';
import type { Executor } from './executor.js';

/** A venue joining the "En lieu sûr" network, as an admin enters it. */
export interface SafePlaceInput {
  readonly name: string;
  readonly address: string;
  readonly postalCode: string;
  readonly commune: string;
  readonly phone?: string | null | undefined;
  readonly hours?: string | null | undefined;
  readonly latitude?: number | null | undefined;
  readonly longitude?: number | null | undefined;
}

/** Adds a safe place (active). */
export async function createSafePlace(db: Executor, place: SafePlaceInput): Promise<SafePlaceRow> {
  return db
    .insertInto('safe_places')
    .values({
      name: place.name,
      address: place.address,
      postal_code: place.postalCode,
      commune: place.commune,
      phone: place.phone ?? null,
      hours: place.hours ?? null,
      latitude: place.latitude ?? null,
      longitude: place.longitude ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Every safe place, active or not, by postal code then name (admin list). */
export async function listSafePlaces(db: Executor): Promise<SafePlaceRow[]> {
  return db.selectFrom('safe_places').selectAll().orderBy('postal_code').orderBy('name').execute();
}

/** Takes a safe place out of the network (or back in); returns whether it exists. */
export async function setSafePlaceActive(db: Executor, id: string, active: boolean): Promise<boolean> {
  const result = await db.updateTable('safe_places').set({ active }).where('id', '=', id).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
