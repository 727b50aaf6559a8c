/** Header names as people write them: `Weekly capacity hours`, `weekly_capacity_hours`, `WeeklyCapacity`. */
export const headerKey = (h: string): string =>
  h
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');

/**
 * Which column of a file feeds each field: the first header matching one of the field's names. Fields are
 * given as field → accepted names (the field's own name first).
 */
export function resolveDeliveryColumns<F extends string>(
  headers: readonly string[],
  fields: Readonly<Record<F, readonly string[]>>,
): Map<F, string> {
  const byKey = new Map(headers.map((h) => [headerKey(h), h]));
  const out = new Map<F, string>();
  for (const [field, names] of Object.entries(fields) as Array<[F, readonly string[]]>) {
    const found = names.map((n) => byKey.get(headerKey(n))).find((h) => h !== undefined);
    if (found) out.set(field, found);
  }
  return out;
}

/** A number as files write it (`37.5`, `37,5`, ` 40 `); undefined when blank, NaN when unreadable. */
export function parseNumber(raw: string | undefined): number | undefined {
  const text = (raw ?? '').trim().replace(/\s/g, '');
  if (text === '') return undefined;
  const normal = /^-?\d+,\d+$/.test(text) ? text.replace(',', '.') : text;
  return /^-?\d+(\.\d+)?$/.test(normal) ? Number(normal) : Number.NaN;
}
