/**
 * A link to `path` with the current filters kept (undefined and empty values dropped; lists as
 * comma-separated values) and `changes` applied, e.g. the next page.
 */
export function pageLink(
  path: string,
  query: Readonly<Record<string, unknown>>,
  changes: Readonly<Record<string, unknown>> = {},
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...query, ...changes })) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}
