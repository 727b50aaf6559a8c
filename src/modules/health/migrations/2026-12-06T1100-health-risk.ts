import type { Kysely } from 'kysely';

// Frozen in time: migrations never import application code.

/** Churn-risk backtests, fitted models and the scores of accounts without a known outcome. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('risk_backtests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('folds', 'integer', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('risk_backtests_workspace')
    .on('risk_backtests')
    .columns(['workspace_id', 'created_at'])
    .execute();
  await db.schema
    .createTable('risk_models')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('risk_models_workspace')
    .on('risk_models')
    .columns(['workspace_id', 'created_at'])
    .execute();
  await db.schema
    .createTable('risk_scores')
    .addColumn('account_id', 'text', (c) => c.primaryKey().references('accounts.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('model_id', 'text', (c) => c.notNull().references('risk_models.id').onDelete('cascade'))
    .addColumn('probability', 'double precision', (c) => c.notNull())
    .addColumn('decile', 'integer', (c) => c.notNull())
    .addColumn('drivers', 'text', (c) => c.notNull())
    .addColumn('scored_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('risk_scores_workspace')
    .on('risk_scores')
    .columns(['workspace_id', 'probability'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('risk_scores').execute();
  await db.schema.dropTable('risk_models').execute();
  await db.schema.dropTable('risk_backtests').execute();
}
