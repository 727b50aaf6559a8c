import type { Kysely } from 'kysely';
import type { Config } from '../config/config.ts';
import type { DialectCapabilities } from '../db/capabilities.ts';
import type { Database } from '../db/schema.ts';
import type { Logger } from '../logging/logger.ts';
import type { SecretBox } from '../secrets/secret-box.ts';
import { afterFailure, slotId } from './job.ts';
import { enqueueJob, type JobRegistry, toJob } from './job.service.ts';
import * as store from './job.store.ts';

export interface RunnerOptions {
  db: Kysely<Database>;
  caps: DialectCapabilities;
  registry: JobRegistry;
  logger: Logger;
  workerId: string;
  pollMs: number;
  /** Jobs claimed per pass. */
  batchSize?: number;
  /** How long a claim lasts before another worker may take the job over. */
  leaseMs?: number;
  now?: () => Date;
  /** Given to jobs that reach outside (alerts read the SMTP server and open sealed webhook secrets). */
  config?: Config;
  secrets?: SecretBox;
}

/**
 * The worker and scheduler of one instance. Each pass queues the current slot of every scheduled job
 * (deterministic ids: one row per slot, whatever the number of instances), then claims due jobs and runs
 * them. Only the current slot is queued: sweep jobs need not catch up after downtime.
 */
export class JobRunner {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = true;
  private readonly now: () => Date;

  constructor(private readonly opts: RunnerOptions) {
    this.now = opts.now ?? (() => new Date());
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const loop = async () => {
      if (this.stopped) return;
      this.running = this.tick().catch((err) => this.opts.logger.error({ err }, 'job runner pass failed'));
      await this.running;
      if (!this.stopped) this.timer = setTimeout(loop, this.opts.pollMs);
    };
    this.timer = setTimeout(loop, 0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** One pass: schedule, claim, run. Returns how many jobs ran. */
  async tick(): Promise<number> {
    await this.scheduleSlots();
    const now = this.now();
    const claimed = await store.claimDueJobs(this.opts.db, this.opts.caps, {
      workerId: this.opts.workerId,
      now: now.toISOString(),
      lockedUntil: new Date(now.getTime() + (this.opts.leaseMs ?? 300_000)).toISOString(),
      limit: this.opts.batchSize ?? 10,
    });
    for (const row of claimed) await this.run(row);
    return claimed.length;
  }

  private async scheduleSlots(): Promise<void> {
    const now = this.now();
    for (const def of this.opts.registry.values()) {
      if (!def.everyMs) continue;
      await enqueueJob(this.opts.db, this.opts.registry, {
        type: def.type,
        payload: {},
        id: slotId(def.type, def.everyMs, now),
        runAt: now,
      });
    }
  }

  private async run(row: store.JobRow): Promise<void> {
    const { db, caps, registry, workerId } = this.opts;
    const job = toJob(row);
    const logger = this.opts.logger.child({ job: job.id, type: job.type, attempt: job.attempts });
    const def = registry.get(job.type);
    try {
      if (!def) throw new Error(`no handler for job type ${job.type} in this version of Baton`);
      const payload = def.input.parse(job.payload);
      const handler = await def.load();
      await handler(
        {
          db,
          caps,
          logger,
          job,
          now: this.now,
          config: this.opts.config,
          secrets: this.opts.secrets,
          reportProgress: async (progress) => {
            const at = this.now();
            const until = new Date(at.getTime() + (this.opts.leaseMs ?? 300_000)).toISOString();
            await store.updateProgress(db, job.id, workerId, JSON.stringify(progress), until, at.toISOString());
          },
        },
        payload,
      );
      const at = this.now().toISOString();
      await store.finishJob(db, job.id, workerId, {
        status: 'succeeded',
        finished_at: at,
        updated_at: at,
        locked_until: null,
      });
      logger.debug('job succeeded');
    } catch (err) {
      const next = afterFailure(job.attempts, def ? job.maxAttempts : 0, this.now());
      const at = this.now().toISOString();
      await store.finishJob(db, job.id, workerId, {
        status: next.status,
        run_at: next.runAt,
        last_error: (err as Error).stack?.slice(0, 4000) ?? String(err),
        updated_at: at,
        locked_until: null,
        locked_by: null,
        finished_at: next.status === 'dead' ? at : null,
      });
      logger.warn(
        { err, next: next.status },
        next.status === 'dead' ? 'job failed for good: moved to the dead-letter list' : 'job failed: will retry',
      );
    }
  }
}
