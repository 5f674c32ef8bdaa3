/**
 * The range of the ratios of runs taken side by side (`values[i] / baselines[i]`), as `0.48–0.61`:
 * on a shared machine it shows how much of a median ratio is noise.
 */
export function runRatios(values: readonly number[], baselines: readonly number[]): string {
  const ratios = values.map((v, i) => v / baselines[i]!).sort((a, b) => a - b);
  if (ratios.length === 0) throw new RangeError('no runs');
  return `${ratios[0]!.toFixed(2)}–${ratios[ratios.length - 1]!.toFixed(2)}`;
}
