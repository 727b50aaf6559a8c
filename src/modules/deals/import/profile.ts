import type { DealSource } from '../deal.ts';
import type { DealField } from './formats.ts';
import type { MapperOptions } from './mapper-types.ts';
import type { ProbabilityScale } from './probability.ts';

/** Candidate columns per deal field, in order of preference (matched case-insensitively). */
export type FieldColumns = Partial<Record<DealField, readonly string[]>>;

/** A column that marks a row as deleted when it holds `deletedWhen`; blank never does. */
export interface DeletionFlag {
  column: string;
  deletedWhen: boolean;
  reason: string;
}

/** What a format mapper knows about its source: where each field lives and what marks a row deleted. */
export interface FormatProfile {
  source: DealSource;
  columns: FieldColumns;
  deletion?: readonly DeletionFlag[];
  /** How the source writes the probability column; a mapped file's values say it themselves (see `parseProbability`). */
  probabilityScale?: ProbabilityScale;
}

/** The profile's candidates for a field, or the one column the user named for it. */
export function columnsFor(profile: FormatProfile, options: MapperOptions, field: DealField): readonly string[] {
  const chosen = options.columns?.[field];
  return chosen !== undefined ? [chosen] : (profile.columns[field] ?? []);
}
