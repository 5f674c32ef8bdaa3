import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../tables/database.js';

/** What repository functions take first: the database handle or a transaction. */
export type Executor = Kysely<Database> | Transaction<Database>;
