import type { Migration } from 'kysely';
import * as m0001 from './2026-11-22T0001-platform.ts';
import * as m0002 from './2026-11-22T0002-accounts.ts';
import * as m0003 from './2026-11-22T0003-imports-settings.ts';
import * as m0004 from './2026-11-22T0004-deals.ts';
import * as m0005 from './2026-11-26T0005-account-renewal.ts';

/** Every migration, by name; the names sort in the order they run. */
export const migrations: Record<string, Migration> = {
  '2026-11-22T0001-platform': m0001,
  '2026-11-22T0002-accounts': m0002,
  '2026-11-22T0003-imports-settings': m0003,
  '2026-11-22T0004-deals': m0004,
  '2026-11-26T0005-account-renewal': m0005,
};
