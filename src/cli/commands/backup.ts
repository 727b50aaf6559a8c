import path from 'node:path';
import { Command } from 'commander';
import { backupDatabase } from '../../platform/db/backup.ts';
import { SECRET_KEY_FILE } from '../../platform/secrets/secret-key.ts';
import { withContext } from '../context.ts';

export function backupCommand(): Command {
  return new Command('backup')
    .description(
      'Write a consistent snapshot of the database to <file> (SQLite online backup, or pg_dump for PostgreSQL)',
    )
    .argument('<file>', 'where to write the backup')
    .action(async (file: string) => {
      const { result, keyId, keyFrom } = await withContext(async (ctx) => ({
        result: await backupDatabase(ctx.dbh, ctx.config.databaseUrl, file),
        keyId: ctx.secrets.keyId,
        keyFrom: ctx.config.secretKey ? 'BATON_SECRET_KEY' : path.join(ctx.config.dataDir, SECRET_KEY_FILE),
      }));
      console.log(`backup written to ${file} (${result.format}, ${result.bytes} bytes)`);
      console.log(`stored secrets in it are sealed with key ${keyId}: keep ${keyFrom} with the backup to restore them`);
    });
}
