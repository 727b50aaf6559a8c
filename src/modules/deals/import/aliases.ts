import { foldText } from '../../../platform/imports/values/text.ts';

/** Spellings per canonical value, e.g. `{ 'Merchant Services': ['Merchant Svc', 'merchant-services'] }`. */
export type AliasTable = Readonly<Record<string, readonly string[]>>;

/** The deal fields whose values are picklists a workspace may want to spell one way. */
export const ALIAS_FIELDS = ['product', 'stage', 'pipeline', 'partner', 'owner'] as const;
export type AliasField = (typeof ALIAS_FIELDS)[number];
export type AliasConfig = Readonly<Partial<Record<AliasField, AliasTable>>>;

/** Turns a value into its canonical spelling; values with no alias come back unchanged. */
export type Canonicalize = (value: string) => string;

const keyOf = (value: string): string => foldText(value).toLowerCase();
const compiled = new WeakMap<AliasTable, Map<string, string>>();

function lookupOf(table: AliasTable): Map<string, string> {
  let lookup = compiled.get(table);
  if (lookup) return lookup;
  lookup = new Map();
  for (const [canonical, spellings] of Object.entries(table)) {
    const name = foldText(canonical);
    for (const spelling of [canonical, ...spellings]) {
      if (!lookup.has(keyOf(spelling))) lookup.set(keyOf(spelling), name);
    }
  }
  compiled.set(table, lookup);
  return lookup;
}

/** Case- and whitespace-insensitive alias lookup for one table (compiled once per table object). */
export function canonicalizer(table: AliasTable | undefined): Canonicalize {
  if (table === undefined) return (value) => value;
  const lookup = lookupOf(table);
  return (value) => lookup.get(keyOf(value)) ?? value;
}

/** Problems in an alias configuration: unknown fields and a spelling claimed by two canonical values. */
export function aliasProblems(config: AliasConfig): string[] {
  const problems: string[] = [];
  for (const [field, table] of Object.entries(config)) {
    if (!(ALIAS_FIELDS as readonly string[]).includes(field)) {
      problems.push(`aliases: "${field}" is not a picklist field (${ALIAS_FIELDS.join(', ')})`);
      continue;
    }
    const owner = new Map<string, string>();
    for (const [canonical, spellings] of Object.entries(table ?? {})) {
      for (const spelling of [canonical, ...spellings]) {
        const previous = owner.get(keyOf(spelling));
        if (previous !== undefined && keyOf(previous) !== keyOf(canonical)) {
          problems.push(`aliases.${field}: "${spelling}" is given for both "${previous}" and "${canonical}"`);
        }
        owner.set(keyOf(spelling), previous ?? canonical);
      }
    }
  }
  return problems;
}
