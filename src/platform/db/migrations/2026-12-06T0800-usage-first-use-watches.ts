import { type Kysely, sql } from 'kysely';

// Frozen in time: migrations never import application code.

/**
 * First-use watches: "when this account first does this event, queue this job". Ingest looks them up once per
 * stored group of events, so a milestone completed by usage is reached within seconds of the event instead of at
 * the next periodic refresh. Open usage milestones of planned projects are watched from the start.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('usage_first_use_watches')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('job_type', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('usage_first_use_watches_pk', ['workspace_id', 'account_id', 'event', 'job_type'])
    .execute();
  await sql`
    insert into usage_first_use_watches (workspace_id, account_id, event, job_type, created_at)
    select distinct p.workspace_id, p.account_id, m.completion_event, 'delivery.usage-milestones', ${new Date().toISOString()}
    from project_milestones m join projects p on p.id = m.project_id and p.workspace_id = m.workspace_id
    where m.completion_event is not null and m.completed_on is null and p.status in ('queued', 'active')
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('usage_first_use_watches').execute();
}
