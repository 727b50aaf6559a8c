import { randomBytes } from 'node:crypto';
import { buildDemoWorkspace } from '../demo/demo.service.ts';
import type { AppContext } from '../platform/app-context.ts';
import { SYSTEM_ACTOR } from '../platform/auth/principal.ts';
import { addPersonDirectly } from '../platform/identity/operator.service.ts';
import { countWorkspaces, createWorkspace } from '../platform/identity/workspace.service.ts';

export interface FirstStart {
  email: string;
  /** Undefined when the password came from BATON_ADMIN_PASSWORD (it is not printed back). */
  generatedPassword: string | undefined;
  workspaceSlug: string;
  demo: boolean;
}

export const DEFAULT_ADMIN_EMAIL = 'admin@baton.local';

/**
 * On an empty database, creates the first workspace (the demo one unless BATON_DEMO=false) and its admin.
 * Returns undefined when the database already has a workspace, or when another instance won the race.
 */
export async function firstStart(ctx: AppContext): Promise<FirstStart | undefined> {
  const { db, config } = ctx;
  if ((await countWorkspaces(db)) > 0) return undefined;
  const email = config.adminEmail ?? DEFAULT_ADMIN_EMAIL;
  const generatedPassword = config.adminPassword ? undefined : randomBytes(12).toString('base64url');
  const password = config.adminPassword ?? (generatedPassword as string);
  try {
    const slug = await db.transaction().execute(async (trx) => {
      const workspaceId = config.demo
        ? (await buildDemoWorkspace(trx, {})).workspaceId
        : (await createWorkspace(trx, SYSTEM_ACTOR, { slug: 'main', name: 'Main' })).id;
      await addPersonDirectly(trx, SYSTEM_ACTOR, workspaceId, {
        email,
        name: 'Administrator',
        role: 'admin',
        password,
      });
      return config.demo ? 'demo' : 'main';
    });
    return { email, generatedPassword, workspaceSlug: slug, demo: config.demo };
  } catch (err) {
    // Two instances starting together on one empty PostgreSQL: the other one created it first.
    if ((await countWorkspaces(db)) > 0) return undefined;
    throw err;
  }
}

export function firstStartBanner(f: FirstStart, url: string): string {
  const lines = [
    f.demo
      ? 'Baton created the demo workspace and its first admin.'
      : 'Baton created the workspace "main" and its first admin.',
    `  Open      ${url}`,
    `  Email     ${f.email}`,
    f.generatedPassword
      ? `  Password  ${f.generatedPassword}   (shown once: change it under My account)`
      : '  Password  the one in BATON_ADMIN_PASSWORD',
    `  Lost it?  baton user set-password --email ${f.email}`,
  ];
  const width = Math.max(...lines.map((l) => l.length)) + 2;
  const bar = '─'.repeat(width);
  return [`┌${bar}┐`, ...lines.map((l) => `│ ${l.padEnd(width - 1)}│`), `└${bar}┘`].join('\n');
}
