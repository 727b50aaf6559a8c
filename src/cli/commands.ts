import type { Command } from 'commander';

/**
 * Every `baton` command: its name, how `baton --help` lists it, and its code, loaded only when it runs (a command
 * loads the modules it uses, never the others', so `baton --help` starts at once). `summary` and `term` repeat
 * the command's own description and usage; `test/cli/cli-startup.test.ts` checks that they agree.
 */
export interface CommandEntry {
  name: string;
  /** How `baton --help` lists it: name, `[options]` when it has some, its arguments. */
  term: string;
  summary: string;
  load(): Promise<Command>;
}

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'serve',
    term: 'serve [options]',
    summary: 'Run the Baton server (HTTP API, web app and job runner); migrates the database first',
    load: async () => (await import('./commands/serve.ts')).serveCommand(),
  },
  {
    name: 'migrate',
    term: 'migrate [options]',
    summary: 'Apply pending database migrations (serve does this too); --status only lists them',
    load: async () => (await import('./commands/migrate.ts')).migrateCommand(),
  },
  {
    name: 'workspace',
    term: 'workspace',
    summary: 'Manage workspaces',
    load: async () => (await import('./commands/identity.ts')).workspaceCommand(),
  },
  {
    name: 'user',
    term: 'user',
    summary: 'Manage people: add, invite, reset a password',
    load: async () => (await import('./commands/identity.ts')).userCommand(),
  },
  {
    name: 'apikey',
    term: 'apikey',
    summary: 'Manage API keys',
    load: async () => (await import('./commands/identity.ts')).apiKeyCommand(),
  },
  {
    name: 'backup',
    term: 'backup <file>',
    summary: 'Write a consistent snapshot of the database to <file> (SQLite online backup, or pg_dump for PostgreSQL)',
    load: async () => (await import('./commands/backup.ts')).backupCommand(),
  },
  {
    name: 'restore',
    term: 'restore <file>',
    summary:
      'Put a backup made by `baton backup` back: on SQLite in the place of the database (stop Baton first; the ' +
      'current database is kept aside), on PostgreSQL into the empty database DATABASE_URL names (runs pg_restore); ' +
      'then migrates it and says which secret key it needs',
    load: async () => (await import('./commands/restore.ts')).restoreCommand(),
  },
  {
    name: 'demo',
    term: 'demo [options]',
    summary: 'Rebuild the demo workspace from scratch (its admins with a login keep their access)',
    load: async () => (await import('./commands/demo.ts')).demoCommand(),
  },
  {
    name: 'deals',
    term: 'deals',
    summary: 'Deals from the CRM',
    load: async () => (await import('./commands/deals.ts')).dealsCommand(),
  },
  {
    name: 'import',
    term: 'import',
    summary: 'Import records from files (CRM exports, warehouse syncs, any CSV with a mapping)',
    load: async () => (await import('./commands/import.ts')).importCommand(),
  },
  {
    name: 'integration',
    term: 'integration',
    summary: 'CRM webhooks: secrets and recent traffic (Settings → Integrations)',
    load: async () => (await import('./commands/integration.ts')).integrationCommand(),
  },
  {
    name: 'nudges',
    term: 'nudges',
    summary: 'Onboarding nudges: list the rules and recent nudges, or evaluate the rules now',
    load: async () => (await import('./commands/nudges.ts')).nudgesCommand(),
  },
  {
    name: 'playbook',
    term: 'playbook',
    summary: 'Delivery playbooks: list them, export one to a YAML or JSON file, import a file',
    load: async () => (await import('./commands/playbook.ts')).playbookCommand(),
  },
  {
    name: 'revenue',
    term: 'revenue',
    summary: 'Revenue figures: ARR on a day, retention (GRR, NRR) over a period',
    load: async () => (await import('./commands/revenue.ts')).revenueCommand(),
  },
  {
    name: 'signals',
    term: 'signals',
    summary: 'Signals: list them, acknowledge, snooze, dismiss or reopen one',
    load: async () => (await import('./commands/signals.ts')).signalsCommand(),
  },
  {
    name: 'risk',
    term: 'risk',
    summary: 'Churn risk: backtest the model, score accounts',
    load: async () => (await import('./commands/risk.ts')).riskCommand(),
  },
  {
    name: 'accounts',
    term: 'accounts',
    summary: 'Accounts: read an account’s timeline',
    load: async () => (await import('./commands/accounts.ts')).accountsCommand(),
  },
  {
    name: 'health',
    term: 'health',
    summary: 'Health scores: rescore accounts and say why they moved',
    load: async () => (await import('./commands/health.ts')).healthCommand(),
  },
  {
    name: 'tickets',
    term: 'tickets',
    summary: 'Support tickets: train the ticket classifier, list tickets with their category',
    load: async () => (await import('./commands/tickets.ts')).ticketsCommand(),
  },
  {
    name: 'search',
    term: 'search [options] <query>',
    summary: 'Search the knowledge base with a question and print the best answers first',
    load: async () => (await import('./commands/search.ts')).searchCommand(),
  },
  {
    name: 'ask',
    term: 'ask [options] <question>',
    summary: 'Ask the implementation assistant a question; the answer cites its sources',
    load: async () => (await import('./commands/ask.ts')).askCommand(),
  },
  {
    name: 'knowledge',
    term: 'knowledge',
    summary: 'The knowledge base: the questions it does not answer yet',
    load: async () => (await import('./commands/knowledge.ts')).knowledgeCommand(),
  },
  {
    name: 'alerts',
    term: 'alerts',
    summary: 'Alerts: subscribe Slack, email or a signed webhook to signals; change, list them; send a test',
    load: async () => (await import('./commands/alerts.ts')).alertsCommand(),
  },
  {
    name: 'plays',
    term: 'plays',
    summary: 'Plays: list them with their trigger, runs and success rate; list a play’s runs',
    load: async () => (await import('./commands/plays.ts')).playsCommand(),
  },
  {
    name: 'recompute',
    term: 'recompute',
    summary: 'Recompute derived records now instead of waiting for their scheduled job',
    load: async () => (await import('./commands/recompute.ts')).recomputeCommand(),
  },
];

/**
 * The command an argument list runs (`baton <command> …`, `baton help <command>`), or undefined (`baton`,
 * `baton --help`, an unknown name: commander answers those from the summaries).
 */
export function commandToRun(args: readonly string[]): CommandEntry | undefined {
  const words = args.filter((a) => !a.startsWith('-'));
  const name = words[0] === 'help' ? words[1] : words[0];
  return COMMANDS.find((c) => c.name === name);
}
