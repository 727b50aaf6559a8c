import type { Kysely } from 'kysely';

// Frozen in time: migrations never import application code.

/** The date an account's contract renews (YYYY-MM-DD): set by hand or import until revenue data feeds it. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('accounts').addColumn('renewal_date', 'text').execute();
  await db.schema
    .createIndex('accounts_renewal_idx')
    .on('accounts')
    .columns(['workspace_id', 'renewal_date'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('accounts_renewal_idx').execute();
  await db.schema.alterTable('accounts').dropColumn('renewal_date').execute();
}
