import { sql, type Insertable } from 'kysely';
import type { SafePlaceRow, SafePlaceTable } from './safe-place.table.js';
import type { Executor } from '../database.js';

/** A safe place to insert (tests, demo seeds; real data entry is an admin feature). */
export type NewSafePlace = Insertable<SafePlaceTable>;

/** What the bots show of a safe place. */
export type SafePlaceListing = Pick<SafePlaceRow, 'name' | 'address' | 'postal_code' | 'commune' | 'phone' | 'hours'>;

/** The département part of a postal code: 3 digits overseas (971…), 2 elsewhere. */
function departementPrefix(postalCode: string): string {
  return /^9[78]/.test(postalCode) ? postalCode.slice(0, 3) : postalCode.slice(0, 2);
}

/**
 * The active safe places of the "En lieu sûr" network nearest a postal code: those of the same
 * postal code first, then the rest of its département by closeness of the code, at most `limit`.
 */
export async function findSafePlacesNear(db: Executor, postalCode: string, limit = 5): Promise<SafePlaceListing[]> {
  const prefix = departementPrefix(postalCode);
  return db
    .selectFrom('safe_places')
    .select(['name', 'address', 'postal_code', 'commune', 'phone', 'hours'])
    .where('active', '=', true)
    .where('postal_code', 'like', `${prefix}%`)
    .orderBy(sql`(postal_code = ${postalCode})`, 'desc')
    .orderBy(sql`abs(postal_code::int - ${Number(postalCode)})`)
    .orderBy('name')
    .limit(Math.min(limit, 20))
    .execute();
}

/** Inserts safe places (tests and demo seeds). */
export async function insertSafePlaces(db: Executor, places: readonly NewSafePlace[]): Promise<void> {
  if (places.length === 0) return;
  await db
    .insertInto('safe_places')
    .values([...places])
    .execute();
}

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
