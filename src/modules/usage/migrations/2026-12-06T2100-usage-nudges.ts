import type { Kysely } from 'kysely';

// Frozen in time: migrations never import application code.

/** Onboarding nudge rules, the nudges they made (one per rule, milestone and product user) and who was eligible. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('usage_nudge_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('milestone_event', 'text')
    .addColumn('days_after_due', 'integer', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('usage_nudge_rules_workspace')
    .on('usage_nudge_rules')
    .columns(['workspace_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('usage_nudges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('rule_id', 'text', (c) => c.notNull().references('usage_nudge_rules.id').onDelete('cascade'))
    .addColumn('milestone_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('shown_at', 'text')
    .addColumn('dismissed_at', 'text')
    .addUniqueConstraint('usage_nudges_once', ['rule_id', 'milestone_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('usage_nudges_user')
    .on('usage_nudges')
    .columns(['workspace_id', 'user_id', 'status'])
    .execute();
  await db.schema
    .createIndex('usage_nudges_workspace')
    .on('usage_nudges')
    .columns(['workspace_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('usage_nudge_eligible')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('rule_id', 'text', (c) => c.notNull().references('usage_nudge_rules.id').onDelete('cascade'))
    .addColumn('milestone_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('eligible_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('usage_nudge_eligible_pk', ['rule_id', 'milestone_id', 'user_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('usage_nudge_eligible').execute();
  await db.schema.dropTable('usage_nudges').execute();
  await db.schema.dropTable('usage_nudge_rules').execute();
}
