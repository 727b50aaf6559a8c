import type { Kysely } from 'kysely';
import type { Config } from './config/config.ts';
import type { DialectCapabilities } from './db/capabilities.ts';
import type { DatabaseHandle } from './db/database.ts';
import type { Database } from './db/schema.ts';
import type { JobRegistry } from './jobs/job.service.ts';
import type { Logger } from './logging/logger.ts';
import type { SecretBox } from './secrets/secret-box.ts';

/** What routes, jobs and the CLI are given: configuration, the database, the job registry and the clock. */
export interface AppContext {
  readonly config: Config;
  readonly dbh: DatabaseHandle;
  readonly db: Kysely<Database>;
  readonly caps: DialectCapabilities;
  readonly logger: Logger;
  readonly jobs: JobRegistry;
  /** Seals and opens secrets Baton stores and must read back (the instance's secret key). */
  readonly secrets: SecretBox;
  /** The server's clock: what "now" and "today" mean to the routes (the real time; tests pass their own). */
  now(): Date;
}
