import type { DealSource } from '../deal.ts';
import type { DealField } from './formats.ts';
import type { MapperOptions } from './mapper-types.ts';
import type { ProbabilityScale } from './probability.ts';
import type { FormatProfile as Profile } from '../../../platform/imports/profile.ts';

/** What a format mapper knows about its source: where each deal field lives and what marks a row deleted. */
export interface FormatProfile extends Profile<DealField> {
  source: DealSource;
  /** How the source writes the probability column; a mapped file's values say it themselves (see `parseProbability`). */
  probabilityScale?: ProbabilityScale;
}

/** The profile's candidates for a field, or the one column the user named for it. */
export function columnsFor(profile: FormatProfile, options: MapperOptions, field: DealField): readonly string[] {
  const chosen = options.columns?.[field];
  return chosen !== undefined ? [chosen] : (profile.columns[field] ?? []);
}
