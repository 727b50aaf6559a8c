import fs from 'node:fs';
import { parse } from 'yaml';
import type { Actor } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { PlaybookFile } from './playbook.ts';
import { readPlaybookFile } from './playbook-file.ts';
import { insertPlaybookFile } from './playbook-edit.service.ts';
import { selectPlaybookKeys } from './playbook.store.ts';

/** The playbooks every workspace starts with, as YAML files beside this one (people can export and adapt them). */
const BUILTIN_DIR = new URL('./builtin/', import.meta.url);
export const BUILTIN_FILES = [
  'smb-quick-start.yaml',
  'mid-market-standard.yaml',
  'enterprise-implementation.yaml',
] as const;

let cache: PlaybookFile[] | undefined;

/** The built-in playbooks, read and checked once; a built-in that fails its own rules is a bug, so it throws. */
export function builtInPlaybooks(): PlaybookFile[] {
  cache ??= BUILTIN_FILES.map((name) => {
    const read = readPlaybookFile(parse(fs.readFileSync(new URL(name, BUILTIN_DIR), 'utf8')));
    if (!read.ok)
      throw new Error(`built-in playbook ${name}: ${read.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    return read.value;
  });
  return cache;
}

/**
 * Installs the built-in playbooks a workspace does not have yet (by key), each at version 1, audited. Running it
 * again installs nothing; a built-in someone changed or archived stays as they left it.
 */
export async function installBuiltInPlaybooks(
  db: Db,
  actor: Actor,
  workspaceId: string,
): Promise<{ installed: string[] }> {
  const have = await selectPlaybookKeys(db, workspaceId);
  const installed: string[] = [];
  for (const file of builtInPlaybooks()) {
    if (have.has(file.key)) continue;
    await insertPlaybookFile(db, actor, workspaceId, file, 'built-in');
    installed.push(file.key);
  }
  return { installed };
}
