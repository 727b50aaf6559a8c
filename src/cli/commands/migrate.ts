import { Command } from 'commander';
// The migrations are the platform's and every module's: the modules are composed before they are read.
import '../../app/modules.ts';
import { loadConfig } from '../../platform/config/config.ts';
import { openDatabase } from '../../platform/db/database.ts';
import { migrateToLatest, pendingMigrations } from '../../platform/db/migrate.ts';

export function migrateCommand(): Command {
  return new Command('migrate')
    .description('Apply pending database migrations (serve does this too); --status only lists them')
    .option('--status', 'list pending migrations without applying them')
    .action(async (opts: { status?: boolean }) => {
      const dbh = await openDatabase(loadConfig().databaseUrl);
      try {
        if (opts.status) {
          const pending = await pendingMigrations(dbh.db);
          console.log(pending.length ? `pending:\n${pending.map((p) => `  ${p}`).join('\n')}` : 'up to date');
          return;
        }
        const applied = await migrateToLatest(dbh);
        console.log(applied.length ? `applied:\n${applied.map((p) => `  ${p}`).join('\n')}` : 'already up to date');
      } finally {
        await dbh.close();
      }
    });
}
