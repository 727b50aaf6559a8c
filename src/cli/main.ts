import { Command, CommanderError, Help } from 'commander';
import { ConfigError } from '../platform/config/config.ts';
import { AppError } from '../platform/errors/app-error.ts';
import { COMMANDS, commandToRun } from './commands.ts';
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

const terms = new Map(COMMANDS.map((c) => [c.name, c.term]));
const standardHelp = new Help();
program.configureHelp({ subcommandTerm: (cmd) => terms.get(cmd.name()) ?? standardHelp.subcommandTerm(cmd) });

try {
  // Only the command that runs is loaded; `baton --help` lists the others by their summaries.
  const running = commandToRun(process.argv.slice(2));
  for (const entry of COMMANDS)
    program.addCommand(entry === running ? await entry.load() : new Command(entry.name).description(entry.summary));
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
