import path from 'node:path';
import { Command } from 'commander';
import { restoreBackup } from '../../app/restore.ts';
import { loadConfig, redactUrl } from '../../platform/config/config.ts';
import { SECRET_KEY_FILE } from '../../platform/secrets/secret-key.ts';

export function restoreCommand(): Command {
  return new Command('restore')
    .description(
      'Put a backup made by `baton backup` back: on SQLite in the place of the database (stop Baton first; the current database is kept aside), ' +
        'on PostgreSQL into the empty database DATABASE_URL names (runs pg_restore); then migrates it and says which secret key it needs',
    )
    .argument('<file>', 'the backup file')
    .action(async (file: string) => {
      const config = loadConfig();
      const report = await restoreBackup(config, file);
      const migrated =
        report.applied.length > 0
          ? `, brought up to date with ${report.applied.length} migration${report.applied.length === 1 ? '' : 's'}`
          : '';
      console.log(`restored ${file} into ${redactUrl(config.databaseUrl)} (${report.format}${migrated})`);
      if (report.keptAside) console.log(`the database it replaced is kept at ${report.keptAside}`);
      const keys = report.inspected.secretKeys;
      const plain = keys.get('plain') ?? 0;
      const sealedWith = [...keys.keys()].filter((k) => k !== 'plain');
      if (plain > 0)
        console.log(
          `${plain} stored secret${plain === 1 ? ' is' : 's are'} in plain text (an earlier version): Baton seals them at its next start`,
        );
      if (sealedWith.length === 0) return;
      const instance = report.instanceKey;
      const where = instance?.from ?? path.join(config.dataDir, SECRET_KEY_FILE);
      if (instance && sealedWith.every((k) => k === instance.id)) {
        console.log(
          `stored secrets in it are sealed with key ${instance.id}, this instance's key (${instance.from}): they open`,
        );
        return;
      }
      const other = sealedWith.filter((k) => k !== instance?.id).join(', ');
      console.error(
        `baton: stored secrets in it are sealed with key ${other}, ${instance ? `but this instance's key is ${instance.id} (${instance.from})` : 'and this instance has no key yet'}: ` +
          `before starting Baton, put the key kept with the backup in ${instance?.from === 'BATON_SECRET_KEY' ? 'BATON_SECRET_KEY' : where} (or set BATON_SECRET_KEY to it); without it, those CRM webhook secrets must be set again`,
      );
    });
}
