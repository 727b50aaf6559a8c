import type { Kysely } from 'kysely';

// Frozen in time: migrations never import application code.

/**
 * What people did about signals: each signal's attention (new, acknowledged, snoozed, dismissed) with a snooze's
 * day and the fingerprint of the evidence it was dismissed on, and every action as a row of its history.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('signals')
    .addColumn('attention', 'text', (c) => c.notNull().defaultTo('new'))
    .execute();
  await db.schema.alterTable('signals').addColumn('snoozed_until', 'text').execute();
  await db.schema.alterTable('signals').addColumn('dismissed_fingerprint', 'text').execute();
  await db.schema
    .createIndex('signals_attention')
    .on('signals')
    .columns(['workspace_id', 'attention', 'resolved_at'])
    .execute();

  await db.schema
    .createTable('signal_actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('signal_id', 'text', (c) => c.notNull().references('signals.id').onDelete('cascade'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('by_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('by_label', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('reason', 'text')
    .addColumn('until', 'text')
    .execute();
  await db.schema
    .createIndex('signal_actions_signal')
    .on('signal_actions')
    .columns(['workspace_id', 'signal_id', 'at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('signal_actions').execute();
  await db.schema.dropIndex('signals_attention').execute();
  await db.schema.alterTable('signals').dropColumn('dismissed_fingerprint').execute();
  await db.schema.alterTable('signals').dropColumn('snoozed_until').execute();
  await db.schema.alterTable('signals').dropColumn('attention').execute();
}
