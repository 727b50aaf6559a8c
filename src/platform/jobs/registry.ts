import { z } from 'zod';
import { defineJob, type JobDefinition } from './job.ts';

const HOUR = 3_600_000;

/** The platform's own jobs; each module declares its own in its manifest. Handlers load only when a job runs. */
export const PLATFORM_JOBS: JobDefinition[] = [
  defineJob({
    type: 'platform.sessions.purge',
    version: 1,
    description: 'Deletes expired login sessions',
    input: z.object({}),
    maxAttempts: 3,
    everyMs: HOUR,
    load: async () => (await import('./handlers/purge.ts')).purgeSessions,
  }),
  defineJob({
    type: 'platform.idempotency.purge',
    version: 1,
    description: 'Forgets Idempotency-Key answers older than 24 hours',
    input: z.object({}),
    maxAttempts: 3,
    everyMs: HOUR,
    load: async () => (await import('./handlers/purge.ts')).purgeIdempotency,
  }),
  defineJob({
    type: 'platform.jobs.prune',
    version: 1,
    description: 'Deletes succeeded jobs finished more than 7 days ago',
    input: z.object({}),
    maxAttempts: 3,
    everyMs: 24 * HOUR,
    load: async () => (await import('./handlers/purge.ts')).pruneJobs,
  }),
];
