import { Command } from 'commander';
import { backupDatabase } from '../../platform/db/backup.ts';
import { withContext } from '../context.ts';

export function backupCommand(): Command {
  return new Command('backup')
    .description('Write a consistent snapshot of the database to <file> (SQLite online backup, or pg_dump for PostgreSQL)')
    .argument('<file>', 'where to write the backup')
    .action(async (file: string) => {
      const result = await withContext((ctx) => backupDatabase(ctx.dbh, ctx.config.databaseUrl, file));
      console.log(`backup written to ${file} (${result.format}, ${result.bytes} bytes)`);
    });
}
