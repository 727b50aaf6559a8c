/**
 * Runs a statement over values in chunks (each value once), keeping every statement under the databases'
 * bound-parameter limits; answers the rows of all chunks.
 */
export async function chunked<T, R>(
  values: readonly T[],
  size: number,
  query: (chunk: T[]) => Promise<R[]>,
): Promise<R[]> {
  const unique = [...new Set(values)];
  const out: R[] = [];
  for (let i = 0; i < unique.length; i += size) out.push(...(await query(unique.slice(i, i + size))));
  return out;
}

/** An update (or delete) over values in chunks; answers how many rows it changed. */
export async function chunkedCount<T>(
  values: readonly T[],
  size: number,
  statement: (chunk: T[]) => Promise<{ numUpdatedRows?: bigint; numDeletedRows?: bigint }>,
): Promise<number> {
  const results = await chunked(values, size, async (chunk) => [await statement(chunk)]);
  return results.reduce((n, r) => n + Number(r.numUpdatedRows ?? r.numDeletedRows ?? 0n), 0);
}
