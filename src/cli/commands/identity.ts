import { Command, Option } from 'commander';
import { createApiKey } from '../../platform/auth/api-key.service.ts';
import { API_KEY_SCOPES, type ApiKeyScope, ROLES, type Role } from '../../platform/auth/permissions.ts';
import { SYSTEM_ACTOR } from '../../platform/auth/principal.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { addMember } from '../../platform/identity/member.service.ts';
import { createWorkspace, getWorkspaceBySlug, listPartners } from '../../platform/identity/workspace.service.ts';
import { withContext } from '../context.ts';

const CLI_ACTOR = { ...SYSTEM_ACTOR, label: 'cli' };

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

export function workspaceCommand(): Command {
  const cmd = new Command('workspace').description('Manage workspaces');
  cmd
    .command('create <slug>')
    .description('Create an empty workspace (add its first admin with `baton user create`)')
    .option('--name <name>', 'display name (default: the slug)')
    .action(async (slug: string, opts: { name?: string }) => {
      const ws = await withContext((ctx) => ctx.db.transaction().execute((trx) => createWorkspace(trx, CLI_ACTOR, { slug, name: opts.name })));
      console.log(`created workspace ${ws.slug} (${ws.id})`);
    });
  cmd
    .command('list')
    .description('List workspaces')
    .action(async () => {
      const rows = await withContext((ctx) => ctx.db.selectFrom('workspaces').select(['slug', 'name', 'is_demo']).orderBy('slug').execute());
      for (const w of rows) console.log(`${w.slug}\t${w.name}${w.is_demo ? '\t(demo)' : ''}`);
    });
  return cmd;
}

export function userCommand(): Command {
  const cmd = new Command('user').description('Manage users');
  cmd
    .command('create')
    .description('Add a person to a workspace with a role; creates their login if they have none')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .requiredOption('--email <email>', 'email address (the login)')
    .addOption(new Option('--role <role>', 'role in the workspace').choices([...ROLES]).makeOptionMandatory())
    .option('--name <name>', 'display name')
    .option('--password <password>', 'password (10+ characters); without it the person cannot sign in until an admin sets one')
    .option('--password-stdin', 'read the password from standard input instead')
    .option('--partner <name>', 'partner firm (required for the partner role)')
    .action(async (opts: { workspace: string; email: string; role: Role; name?: string; password?: string; passwordStdin?: boolean; partner?: string }) => {
      const password = opts.passwordStdin ? await readStdin() : opts.password;
      const member = await withContext(async (ctx) => {
        const ws = await getWorkspaceBySlug(ctx.db, opts.workspace);
        let partnerId: string | null = null;
        if (opts.partner) {
          const partner = (await listPartners(ctx.db, ws.id)).find((p) => p.name.toLowerCase() === opts.partner?.toLowerCase());
          if (!partner) throw AppError.validation('--partner', `no partner firm named ${opts.partner} in ${ws.slug}`);
          partnerId = partner.id;
        }
        return ctx.db
          .transaction()
          .execute((trx) => addMember(trx, CLI_ACTOR, ws.id, { email: opts.email, name: opts.name, role: opts.role, password, partnerId }));
      });
      console.log(`${member.email} is ${member.role} in ${opts.workspace}${member.hasPassword ? '' : ' (no password yet: cannot sign in)'}`);
    });
  return cmd;
}

export function apiKeyCommand(): Command {
  const cmd = new Command('apikey').description('Manage API keys');
  cmd
    .command('create')
    .description('Create an API key and print it alone on standard output (it is shown only this once)')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .addOption(new Option('--scope <scope>', 'ingest (write-only event ingest) or admin').choices([...API_KEY_SCOPES]).makeOptionMandatory())
    .option('--name <name>', 'what uses the key', 'cli')
    .action(async (opts: { workspace: string; scope: ApiKeyScope; name: string }) => {
      const { secret } = await withContext(async (ctx) => {
        const ws = await getWorkspaceBySlug(ctx.db, opts.workspace);
        return ctx.db.transaction().execute((trx) => createApiKey(trx, CLI_ACTOR, ws.id, { name: opts.name, scope: opts.scope }));
      });
      process.stdout.write(`${secret}\n`);
    });
  return cmd;
}
