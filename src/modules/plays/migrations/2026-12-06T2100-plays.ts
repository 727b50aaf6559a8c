import type { Kysely } from 'kysely';

// Frozen in time: migrations never import application code.

/** Plays (versioned definitions), their runs (one per play, account and occurrence) and the runs' tasks. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('plays')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('builtin_key', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('trigger_type', 'text', (c) => c.notNull())
    .addColumn('trigger_kind', 'text')
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('current_version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('plays_builtin_once', ['workspace_id', 'builtin_key'])
    .execute();
  await db.schema.createIndex('plays_trigger').on('plays').columns(['workspace_id', 'trigger_type']).execute();

  await db.schema
    .createTable('play_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('play_id', 'text', (c) => c.notNull().references('plays.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('created_by_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('play_versions_once', ['play_id', 'version'])
    .execute();

  await db.schema
    .createTable('play_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('play_id', 'text', (c) => c.notNull().references('plays.id').onDelete('cascade'))
    .addColumn('play_version', 'integer', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('occurrence_key', 'text', (c) => c.notNull())
    .addColumn('trigger_text', 'text', (c) => c.notNull())
    .addColumn('signal_id', 'text')
    .addColumn('started_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .addColumn('end_reason', 'text')
    .addColumn('outcome', 'text')
    .addColumn('success', 'integer')
    .addColumn('outcome_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('play_runs_once', ['play_id', 'account_id', 'occurrence_key'])
    .execute();
  await db.schema.createIndex('play_runs_status').on('play_runs').columns(['workspace_id', 'status']).execute();
  await db.schema.createIndex('play_runs_play').on('play_runs').columns(['play_id', 'started_on']).execute();

  await db.schema
    .createTable('play_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('run_id', 'text', (c) => c.notNull().references('play_runs.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('instructions', 'text', (c) => c.notNull())
    .addColumn('email_template', 'text')
    .addColumn('role', 'text')
    .addColumn('assignee_user_id', 'text')
    .addColumn('assignment_note', 'text')
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .addColumn('done_by_label', 'text')
    .addUniqueConstraint('play_tasks_once', ['run_id', 'position'])
    .execute();
  await db.schema
    .createIndex('play_tasks_assignee')
    .on('play_tasks')
    .columns(['workspace_id', 'assignee_user_id', 'done_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('play_tasks').execute();
  await db.schema.dropTable('play_runs').execute();
  await db.schema.dropTable('play_versions').execute();
  await db.schema.dropTable('plays').execute();
}
