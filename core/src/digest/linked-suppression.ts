import type { PublishedCount } from './published-count.js';

/** An additive relation a reader may use between published figures: `total` = sum of `parts`. */
export interface FigureRelation {
  readonly total: string;
  readonly parts: readonly string[];
}

const EPSILON = 1e-9;

/**
 * Reduced row echelon form of the relations restricted to the hidden figures (published ones are
 * constants then). A hidden figure can be recomputed by adding and subtracting published figures
 * exactly when some reduced row has that figure alone.
 */
function derivable(relations: readonly FigureRelation[], hidden: ReadonlySet<string>): Set<string> {
  const columns = [...hidden];
  const index = new Map(columns.map((id, i) => [id, i]));
  const rows = relations.map((r) => {
    const row = new Array<number>(columns.length).fill(0);
    const add = (id: string, c: number) => {
      const i = index.get(id);
      if (i !== undefined) row[i]! += c;
    };
    add(r.total, 1);
    for (const p of r.parts) add(p, -1);
    return row;
  });
  let pivotRow = 0;
  for (let col = 0; col < columns.length && pivotRow < rows.length; col++) {
    let best = pivotRow;
    for (let r = pivotRow + 1; r < rows.length; r++)
      if (Math.abs(rows[r]![col]!) > Math.abs(rows[best]![col]!)) best = r;
    if (Math.abs(rows[best]![col]!) < EPSILON) continue;
    [rows[pivotRow], rows[best]] = [rows[best]!, rows[pivotRow]!];
    const pivot = rows[pivotRow]!;
    const scale = pivot[col]!;
    for (let c = 0; c < columns.length; c++) pivot[c]! /= scale;
    for (let r = 0; r < rows.length; r++) {
      const factor = rows[r]![col]!;
      if (r === pivotRow || Math.abs(factor) < EPSILON) continue;
      for (let c = 0; c < columns.length; c++) rows[r]![c]! -= factor * pivot[c]!;
    }
    pivotRow++;
  }
  const found = new Set<string>();
  for (const row of rows) {
    const nonZero = row.flatMap((v, i) => (Math.abs(v) > EPSILON ? [i] : []));
    if (nonZero.length === 1) found.add(columns[nonZero[0]!]!);
  }
  return found;
}

/**
 * Hidden figures a reader could pin down: those recomputable by subtraction, and the hidden parts
 * of a relation whose published figures leave them a sum that fits one value only (every hidden
 * figure reads `< threshold`, and zeros are never hidden, so each looks like 1 to threshold − 1).
 */
function leaks(
  values: Readonly<Record<string, number>>,
  relations: readonly FigureRelation[],
  hidden: ReadonlySet<string>,
  threshold: number,
): Set<string> {
  const found = derivable(relations, hidden);
  for (const r of relations) {
    if (hidden.has(r.total)) continue;
    const hiddenParts = r.parts.filter((p) => hidden.has(p));
    if (hiddenParts.length < 2) continue;
    const rest = values[r.total]! - r.parts.filter((p) => !hidden.has(p)).reduce((s, p) => s + values[p]!, 0);
    if (rest <= hiddenParts.length || rest === hiddenParts.length * (threshold - 1))
      for (const p of hiddenParts) found.add(p);
  }
  return found;
}

/**
 * Suppresses small counts across figures linked by additive relations, so that no hidden figure
 * can be recovered from what is published, within a table or across tables (a total printed
 * elsewhere, a trend that sums to it, breakdowns sharing one total).
 *
 * - Primary: every figure with 0 < value < `threshold` is hidden.
 * - Complementary: while some hidden figure can be recomputed by subtraction (exact linear
 *   algebra over all relations), or pinned because a relation leaves its hidden parts a sum that
 *   only one split fits, one more non-zero figure of a relation involving it is hidden: the one
 *   leaving the fewest such leaks, a cell rather than a total, the smallest, then by id.
 *
 * Zeros are never hidden (they reveal no one). Relations may be conservative (counts that overlap,
 * like act types, treated as if they added up): that only hides more. Every hidden figure is
 * published as `< threshold`.
 */
export function suppressLinkedCounts(
  values: Readonly<Record<string, number>>,
  relations: readonly FigureRelation[],
  threshold: number,
): Record<string, PublishedCount> {
  for (const r of relations) {
    for (const id of [r.total, ...r.parts])
      if (values[id] === undefined) throw new RangeError(`relation names an unknown figure "${id}"`);
  }
  const margins = new Set(relations.map((r) => r.total));
  const hidden = new Set(Object.keys(values).filter((id) => values[id]! > 0 && values[id]! < threshold));
  for (let found = leaks(values, relations, hidden, threshold); found.size > 0;) {
    const target = [...found].sort()[0]!;
    const candidates = new Set<string>();
    for (const r of relations) {
      if (r.total !== target && !r.parts.includes(target)) continue;
      for (const id of [r.total, ...r.parts]) if (!hidden.has(id) && values[id]! > 0) candidates.add(id);
    }
    // Nothing left to hide next to it: widen to every relation with a hidden figure.
    if (candidates.size === 0) {
      for (const r of relations) {
        if (![r.total, ...r.parts].some((id) => hidden.has(id))) continue;
        for (const id of [r.total, ...r.parts]) if (!hidden.has(id) && values[id]! > 0) candidates.add(id);
      }
    }
    if (candidates.size === 0) break; // every non-zero figure is hidden already
    let best: { id: string; score: [number, number, number] } | undefined;
    let bestLeaks = found;
    for (const id of candidates) {
      const trial = new Set(hidden).add(id);
      const after = leaks(values, relations, trial, threshold);
      const score: [number, number, number] = [after.size, margins.has(id) ? 1 : 0, values[id]!];
      const better =
        !best ||
        score[0] < best.score[0] ||
        (score[0] === best.score[0] &&
          (score[1] < best.score[1] ||
            (score[1] === best.score[1] &&
              (score[2] < best.score[2] || (score[2] === best.score[2] && id < best.id)))));
      if (better) {
        best = { id, score };
        bestLeaks = after;
      }
    }
    hidden.add(best!.id);
    found = bestLeaks;
  }
  const mark: `< ${number}` = `< ${threshold}`;
  return Object.fromEntries(Object.entries(values).map(([id, v]) => [id, hidden.has(id) ? mark : v]));
}
