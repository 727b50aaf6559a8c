import type { Migration } from 'kysely';
import * as m0001 from './2026-11-22T0001-platform.ts';
import * as m0002 from './2026-11-22T0002-accounts.ts';
import * as m0003 from './2026-11-22T0003-imports-settings.ts';
import * as m0004 from './2026-11-22T0004-deals.ts';
import * as m0005 from './2026-11-26T0005-account-renewal.ts';
import * as m0006 from './2026-11-26T0006-handoffs-signals.ts';
import * as m0007 from './2026-11-26T0007-commitments-terms.ts';
import * as m0008 from './2026-11-26T0008-webhooks.ts';
import * as m0009 from './2026-11-26T0009-imports.ts';
import * as m0010 from './2026-11-26T0010-stage-mappings.ts';
import * as m0011 from './2026-11-26T0011-usage-events.ts';
import * as m0012 from './2026-11-26T0012-usage-rollups.ts';
import * as m0013 from './2026-11-26T0013-delivery.ts';
import * as m0014 from './2026-11-26T0014-usage-catalogue.ts';
import * as m0015 from './2026-11-26T0015-usage-retention.ts';
import * as m0016 from './2026-11-26T0016-usage-rollup-covering.ts';
import * as m0017 from './2026-11-26T0017-usage-user-traits.ts';
import * as m0018 from './2026-11-27T0018-usage-rollup-clustered.ts';
import * as m0019 from './2026-11-27T0019-usage-ingest-totals.ts';
import * as m0020 from './2026-11-27T0020-usage-ingest-rejections.ts';
import * as m0021 from './2026-11-27T0021-usage-user-traits-backfill.ts';
import * as m0022 from './2026-11-27T0022-usage-unmatched-user.ts';
import * as m0023 from './2026-11-27T0023-import-run-heartbeat.ts';
import * as m0731 from './2026-12-06T0731-integration-status-reports.ts';
import * as m0732 from './2026-12-06T0732-deal-probability.ts';
import * as m0733 from './2026-12-06T0733-account-segment-optional.ts';
import * as m0800 from './2026-12-06T0800-usage-first-use-watches.ts';
import * as m0810 from './2026-12-06T0810-invitations-login-throttle.ts';

/** Every migration, by name; the names sort in the order they run. */
export const migrations: Record<string, Migration> = {
  '2026-11-22T0001-platform': m0001,
  '2026-11-22T0002-accounts': m0002,
  '2026-11-22T0003-imports-settings': m0003,
  '2026-11-22T0004-deals': m0004,
  '2026-11-26T0005-account-renewal': m0005,
  '2026-11-26T0006-handoffs-signals': m0006,
  '2026-11-26T0007-commitments-terms': m0007,
  '2026-11-26T0008-webhooks': m0008,
  '2026-11-26T0009-imports': m0009,
  '2026-11-26T0010-stage-mappings': m0010,
  '2026-11-26T0011-usage-events': m0011,
  '2026-11-26T0012-usage-rollups': m0012,
  '2026-11-26T0013-delivery': m0013,
  '2026-11-26T0014-usage-catalogue': m0014,
  '2026-11-26T0015-usage-retention': m0015,
  '2026-11-26T0016-usage-rollup-covering': m0016,
  '2026-11-26T0017-usage-user-traits': m0017,
  '2026-11-27T0018-usage-rollup-clustered': m0018,
  '2026-11-27T0019-usage-ingest-totals': m0019,
  '2026-11-27T0020-usage-ingest-rejections': m0020,
  '2026-11-27T0021-usage-user-traits-backfill': m0021,
  '2026-11-27T0022-usage-unmatched-user': m0022,
  '2026-11-27T0023-import-run-heartbeat': m0023,
  '2026-12-06T0731-integration-status-reports': m0731,
  '2026-12-06T0732-deal-probability': m0732,
  '2026-12-06T0733-account-segment-optional': m0733,
  '2026-12-06T0800-usage-first-use-watches': m0800,
  '2026-12-06T0810-invitations-login-throttle': m0810,
};
