import { mapDeal } from './deal-builder.ts';
import { DEAL_FIELD_NAMES, type DealField, isDealField, REQUIRED_FIELDS } from './formats.ts';
import type { MappedRow, MapperOptions } from './mapper-types.ts';
import type { FormatProfile } from './profile.ts';

import { type ColumnMapping, mappingPairs } from '../../../platform/imports/profile.ts';

/**
 * Column name in the file → Baton deal field, or fields: `{ 'Opportunity ID': 'external_id', 'SKU 1': 'product' }`,
 * or `{ 'Opportunity ID': ['external_id', 'name'] }` for a file whose id is its only name.
 */
export type { ColumnMapping };

/**
 * What is wrong with a mapping before any row is read: targets that are not deal fields, required fields
 * with no column, and a field fed by two columns (only `product` may be).
 */
export function mappingProblems(mapping: ColumnMapping): string[] {
  const problems: string[] = [];
  const byField = new Map<DealField, string[]>();
  for (const [column, target] of mappingPairs(mapping)) {
    const field = target.trim();
    if (!isDealField(field)) {
      problems.push(
        `column "${column}" maps to "${target}", which is not a deal field (${DEAL_FIELD_NAMES.join(', ')})`,
      );
      continue;
    }
    byField.set(field, [...(byField.get(field) ?? []), column]);
  }
  for (const field of REQUIRED_FIELDS) {
    if (!byField.has(field)) problems.push(`no column is mapped to ${field}, which is required`);
  }
  for (const [field, columns] of byField) {
    if (field !== 'product' && columns.length > 1) {
      problems.push(`${field} is mapped from several columns (${columns.map((c) => `"${c}"`).join(', ')}); keep one`);
    }
  }
  return problems;
}

const profiles = new WeakMap<ColumnMapping, FormatProfile>();

/** The profile a mapping describes; targets that are not deal fields are left out (see `mappingProblems`). */
export function mappedProfile(mapping: ColumnMapping): FormatProfile {
  const known = profiles.get(mapping);
  if (known) return known;
  const columns: Partial<Record<DealField, string[]>> = {};
  for (const [column, target] of mappingPairs(mapping)) {
    const field = target.trim();
    if (isDealField(field) && !columns[field]?.includes(column)) columns[field] = [...(columns[field] ?? []), column];
  }
  const profile: FormatProfile = { source: 'csv', columns };
  profiles.set(mapping, profile);
  return profile;
}

/**
 * Any CSV through an explicit `{ column → field }` mapping. Check the mapping with `mappingProblems` first
 * (`mapperFor` does); the stage category comes from mapped `is_won`/`is_closed` columns, else null.
 */
export function mapMappedRow(
  values: Record<string, string>,
  row: number,
  options: MapperOptions & { mapping: ColumnMapping },
): MappedRow {
  return mapDeal(values, row, mappedProfile(options.mapping), options);
}
