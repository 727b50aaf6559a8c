import { Command, CommanderError } from 'commander';
import { ConfigError } from '../platform/config/config.ts';
import { AppError } from '../platform/errors/app-error.ts';
import { backupCommand } from './commands/backup.ts';
import { dealsCommand } from './commands/deals.ts';
import { demoCommand } from './commands/demo.ts';
import { apiKeyCommand, userCommand, workspaceCommand } from './commands/identity.ts';
import { importCommand } from './commands/import.ts';
import { integrationCommand } from './commands/integration.ts';
import { migrateCommand } from './commands/migrate.ts';
import { playbookCommand } from './commands/playbook.ts';
import { recomputeCommand } from './commands/recompute.ts';
import { restoreCommand } from './commands/restore.ts';
import { serveCommand } from './commands/serve.ts';
import { configHelp } from './config-help.ts';

// `baton deals list | head`: a closed pipe ends the command quietly.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const program = new Command()
  .name('baton')
  .description('Baton: the post-sale operating system. Every command reads its configuration from the environment.')
  .showHelpAfterError()
  .exitOverride()
  .addHelpText('after', configHelp());

program.addCommand(serveCommand());
program.addCommand(migrateCommand());
program.addCommand(workspaceCommand());
program.addCommand(userCommand());
program.addCommand(apiKeyCommand());
program.addCommand(backupCommand());
program.addCommand(restoreCommand());
program.addCommand(demoCommand());
program.addCommand(dealsCommand());
program.addCommand(importCommand());
program.addCommand(integrationCommand());
program.addCommand(playbookCommand());
program.addCommand(recomputeCommand());

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) process.exit(err.exitCode);
  if (err instanceof ConfigError || err instanceof AppError) {
    console.error(`baton: ${err.message}`);
    process.exit(err instanceof AppError && err.code === 'validation' ? 2 : 1);
  }
  console.error(err);
  process.exit(1);
}
