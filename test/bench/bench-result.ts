/**
 * One figure of a benchmark: the median `value` of several runs, the median of a bare `baseline`
 * doing the least possible version of the same work in the same process or run, and their ratio.
 */
export interface BenchResult {
  name: string;
  unit: string;
  value: number;
  baseline: { name: string; value: number };
  ratio: number;
  runs: number;
  notes?: string;
}
