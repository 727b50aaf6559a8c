import { Command, Option } from 'commander';
import { createApiKey } from '../../platform/auth/api-key.service.ts';
import { API_KEY_SCOPES, type ApiKeyScope, ROLES, type Role } from '../../platform/auth/permissions.ts';
import { SYSTEM_ACTOR } from '../../platform/auth/principal.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { inviteMember } from '../../platform/identity/invitation.service.ts';
import { invitationUrl, passwordUrl } from '../../platform/identity/links.ts';
import { createPasswordLink, setLoginDisabled, setPasswordOf } from '../../platform/identity/login.service.ts';
import { addPersonDirectly } from '../../platform/identity/operator.service.ts';
import { createWorkspace, getWorkspaceBySlug, listPartners } from '../../platform/identity/workspace.service.ts';
import { withContext } from '../context.ts';

const CLI_ACTOR = { ...SYSTEM_ACTOR, label: 'cli' };

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

export function workspaceCommand(): Command {
  const cmd = new Command('workspace').description('Manage workspaces');
  cmd
    .command('create <slug>')
    .description('Create an empty workspace (add its first admin with `baton user create`)')
    .option('--name <name>', 'display name (default: the slug)')
    .action(async (slug: string, opts: { name?: string }) => {
      const ws = await withContext((ctx) =>
        ctx.db.transaction().execute((trx) => createWorkspace(trx, CLI_ACTOR, { slug, name: opts.name })),
      );
      console.log(`created workspace ${ws.slug} (${ws.id})`);
    });
  cmd
    .command('list')
    .description('List workspaces')
    .option('--json', 'print one JSON array: [{id, slug, name, isDemo}]')
    .action(async (opts: { json?: boolean }) => {
      const rows = await withContext((ctx) =>
        ctx.db.selectFrom('workspaces').select(['id', 'slug', 'name', 'is_demo']).orderBy('slug').execute(),
      );
      if (opts.json) {
        console.log(
          JSON.stringify(rows.map((w) => ({ id: w.id, slug: w.slug, name: w.name, isDemo: Boolean(w.is_demo) }))),
        );
        return;
      }
      for (const w of rows) console.log(`${w.slug}\t${w.name}${w.is_demo ? '\t(demo)' : ''}`);
    });
  return cmd;
}

async function partnerIdOf(
  ctx: AppContext,
  workspaceId: string,
  slug: string,
  name: string | undefined,
): Promise<string | null> {
  if (!name) return null;
  const partner = (await listPartners(ctx.db, workspaceId)).find((p) => p.name.toLowerCase() === name.toLowerCase());
  if (!partner) throw AppError.validation('--partner', `no partner firm named ${name} in ${slug}`);
  return partner.id;
}

/** Where links point from the command line: BATON_PUBLIC_URL, else this instance's own address. */
const cliOrigin = (ctx: AppContext): string =>
  ctx.config.publicUrl ??
  `http://${ctx.config.host === '0.0.0.0' || ctx.config.host === '::' ? 'localhost' : ctx.config.host}:${ctx.config.port}`;

const until = (iso: string): string => `single use, until ${iso.slice(0, 16).replace('T', ' ')} UTC`;

export function userCommand(): Command {
  const cmd = new Command('user').description('Manage people: add, invite, reset a password');
  cmd
    .command('create')
    .description(
      'Add a person to a workspace with a role at once (as the instance operator); a new login gets the password ' +
        'given, else a single-use link (7 days) for the person to choose one',
    )
    .requiredOption('--workspace <slug>', 'workspace slug')
    .requiredOption('--email <email>', 'email address (the login)')
    .addOption(new Option('--role <role>', 'role in the workspace').choices([...ROLES]).makeOptionMandatory())
    .option('--name <name>', 'display name')
    .option(
      '--password <password>',
      'password of a new login (10+ characters); prefer --password-stdin, or none to print a set-password link',
    )
    .option('--password-stdin', "read the new login's password from standard input instead")
    .option('--partner <name>', 'partner firm (required for the partner role)')
    .action(
      async (opts: {
        workspace: string;
        email: string;
        role: Role;
        name?: string;
        password?: string;
        passwordStdin?: boolean;
        partner?: string;
      }) => {
        const password = opts.passwordStdin ? await readStdin() : opts.password;
        const { member, link } = await withContext(async (ctx) => {
          const ws = await getWorkspaceBySlug(ctx.db, opts.workspace);
          const partnerId = await partnerIdOf(ctx, ws.id, ws.slug, opts.partner);
          return ctx.db.transaction().execute(async (trx) => {
            const added = await addPersonDirectly(trx, CLI_ACTOR, ws.id, {
              email: opts.email,
              name: opts.name,
              role: opts.role,
              password,
              partnerId,
            });
            if (added.hasPassword) return { member: added.member, link: undefined };
            const made = await createPasswordLink(trx, CLI_ACTOR, added.member.email);
            return {
              member: added.member,
              link: `${passwordUrl(cliOrigin(ctx), made.token)}   (${until(made.expiresAt)})`,
            };
          });
        });
        console.log(`${member.email} is ${member.role} in ${opts.workspace}`);
        if (link) console.log(`They choose their password here: ${link}`);
      },
    );
  cmd
    .command('invite')
    .description(
      'Invite a person to a workspace with a role: they join when they accept (new to Baton: by choosing a password through the link)',
    )
    .requiredOption('--workspace <slug>', 'workspace slug')
    .requiredOption('--email <email>', 'email address')
    .addOption(new Option('--role <role>', 'role in the workspace').choices([...ROLES]).makeOptionMandatory())
    .option('--name <name>', 'name suggested to a new person')
    .option('--partner <name>', 'partner firm (required for the partner role)')
    .action(async (opts: { workspace: string; email: string; role: Role; name?: string; partner?: string }) => {
      const { invitation, link } = await withContext(async (ctx) => {
        const ws = await getWorkspaceBySlug(ctx.db, opts.workspace);
        const partnerId = await partnerIdOf(ctx, ws.id, ws.slug, opts.partner);
        const made = await ctx.db
          .transaction()
          .execute((trx) =>
            inviteMember(trx, CLI_ACTOR, ws.id, { email: opts.email, name: opts.name, role: opts.role, partnerId }),
          );
        return { invitation: made.invitation, link: invitationUrl(cliOrigin(ctx), made.token) };
      });
      console.log(`invited ${invitation.email} as ${invitation.role} to ${opts.workspace}`);
      console.log(`Invitation link (${until(invitation.expiresAt)}): ${link}`);
    });
  cmd
    .command('set-password')
    .description(
      "Reset a person's password as the instance operator: prints a single-use link (7 days) for them to choose one, " +
        'or sets the password read from standard input. Every open session of theirs ends. Also the way back in for ' +
        'the first admin whose password, printed once at first start, was missed.',
    )
    .requiredOption('--email <email>', 'the login')
    .option('--password-stdin', 'set the password read from standard input (10+ characters) instead of printing a link')
    .action(async (opts: { email: string; passwordStdin?: boolean }) => {
      const password = opts.passwordStdin ? await readStdin() : undefined;
      const out = await withContext((ctx) =>
        ctx.db.transaction().execute(async (trx) => {
          if (password !== undefined) {
            const me = await setPasswordOf(trx, CLI_ACTOR, opts.email, password);
            return `password of ${me.email} set; their sessions ended`;
          }
          // A link only: the password stays as it is until the person chooses a new one.
          const made = await createPasswordLink(trx, CLI_ACTOR, opts.email);
          return `${made.user.email} chooses a new password here (${until(made.expiresAt)}):\n${passwordUrl(cliOrigin(ctx), made.token)}`;
        }),
      );
      console.log(out);
    });
  for (const [name, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    cmd
      .command(name)
      .description(
        disabled
          ? 'Turn a login off in every workspace (its sessions end); `enable` turns it on again'
          : 'Turn a disabled login on again',
      )
      .requiredOption('--email <email>', 'the login')
      .action(async (opts: { email: string }) => {
        const me = await withContext((ctx) =>
          ctx.db.transaction().execute((trx) => setLoginDisabled(trx, CLI_ACTOR, opts.email, disabled)),
        );
        console.log(`login ${me.email} ${disabled ? 'disabled' : 'enabled'}`);
      });
  }
  return cmd;
}

export function apiKeyCommand(): Command {
  const cmd = new Command('apikey').description('Manage API keys');
  cmd
    .command('create')
    .description('Create an API key and print it alone on standard output (it is shown only this once)')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .addOption(
      new Option('--scope <scope>', 'ingest (write-only event ingest) or admin')
        .choices([...API_KEY_SCOPES])
        .makeOptionMandatory(),
    )
    .option('--name <name>', 'what uses the key', 'cli')
    .action(async (opts: { workspace: string; scope: ApiKeyScope; name: string }) => {
      const { secret } = await withContext(async (ctx) => {
        const ws = await getWorkspaceBySlug(ctx.db, opts.workspace);
        return ctx.db
          .transaction()
          .execute((trx) => createApiKey(trx, CLI_ACTOR, ws.id, { name: opts.name, scope: opts.scope }));
      });
      process.stdout.write(`${secret}\n`);
    });
  return cmd;
}
