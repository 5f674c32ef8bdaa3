import { suppressLinkedCounts, type FigureRelation } from './linked-suppression.js';
import type { PublishedCount } from './published-count.js';
import type { PublishedBreakdown } from './small-counts.js';

/** Several breakdowns of the same reports as they may leave the UI (e.g. a statistics CSV). */
export interface PublishedBreakdownSet {
  readonly total: PublishedCount;
  readonly tables: Readonly<Record<string, PublishedBreakdown>>;
}

/**
 * Suppresses small counts in several breakdowns of the same `total` reports at once: each table
 * is taken to add up to `total` (give tables an `unknown` cell, or an "earlier" one for a series
 * over part of the time, when they would not; overlapping counts such as act types only make it
 * hide more), so the total is one figure and hiding it in one table hides it in all, and no
 * hidden cell can be recomputed from another table ({@link suppressLinkedCounts}).
 */
export function publishBreakdownSet(
  total: number,
  tables: Readonly<Record<string, Readonly<Record<string, number>>>>,
  threshold: number,
): PublishedBreakdownSet {
  const id = (table: string, key: string) => `${table}\u001f${key}`;
  const values: Record<string, number> = { total };
  const relations: FigureRelation[] = [];
  for (const [table, cells] of Object.entries(tables)) {
    for (const [key, n] of Object.entries(cells)) values[id(table, key)] = n;
    relations.push({ total: 'total', parts: Object.keys(cells).map((key) => id(table, key)) });
  }
  const out = suppressLinkedCounts(values, relations, threshold);
  return {
    total: out.total!,
    tables: Object.fromEntries(
      Object.entries(tables).map(([table, cells]) => [
        table,
        { cells: Object.fromEntries(Object.keys(cells).map((key) => [key, out[id(table, key)]!])), total: out.total! },
      ]),
    ),
  };
}
