import type { ColumnType, Generated } from 'kysely';

/**
 * `reporter_erasures` (migration `2026-12-01-55-reporter-erasures`): per reporter key, the latest
 * time that reporter asked to erase everything, so that a report submitted before then but stored
 * later is stored as an `erased` tombstone. Purged by the retention job.
 */
export interface ReporterErasureTable {
  reporter_key: string;
  requested_at: ColumnType<Date, Date | string, Date | string>;
  recorded_at: Generated<Date>;
}
