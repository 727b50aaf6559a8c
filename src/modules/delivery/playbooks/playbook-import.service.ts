import type { Actor } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { PlaybookFile } from './playbook.ts';
import {
  detectFormat,
  type FileFormat,
  parseText,
  readPlaybookFile,
  sameDefinition,
  writePlaybookFile,
} from './playbook-file.ts';
import * as store from './playbook.store.ts';
import { deliveryRoles, getPlaybook, getPlaybookVersion, orThrow, type PlaybookDetail } from './playbook.service.ts';
import { insertPlaybookFile, updatePlaybook, writeVersion } from './playbook-edit.service.ts';

/** A playbook (at its current version, or the one asked for) in its file form. */
export async function exportPlaybook(db: Db, workspaceId: string, id: string, version?: number): Promise<PlaybookFile> {
  const playbook = await getPlaybook(db, workspaceId, id);
  const definition =
    version === undefined ? playbook.definition : (await getPlaybookVersion(db, workspaceId, id, version)).definition;
  return {
    key: playbook.key,
    name: playbook.name,
    description: playbook.description,
    products: playbook.products,
    segments: playbook.segments,
    priority: playbook.priority,
    definition,
  };
}

/** The file's text and a name for it (`<key>.yaml`, or `<key>-v3.json` for an older version). */
export async function exportPlaybookText(
  db: Db,
  workspaceId: string,
  id: string,
  format: FileFormat,
  version?: number,
): Promise<{ text: string; filename: string }> {
  const file = await exportPlaybook(db, workspaceId, id, version);
  return {
    text: writePlaybookFile(file, format),
    filename: `${file.key}${version === undefined ? '' : `-v${version}`}.${format}`,
  };
}

export type ImportOutcome = 'created' | 'versioned' | 'updated' | 'unchanged';

/**
 * Imports a playbook file: a new key creates the playbook; a known key saves a new version when the definition
 * changed and updates the name and selection rules when they did. The same file twice changes nothing, so
 * importing is idempotent. Checked whole first: 400 naming each field, nothing saved.
 */
export async function importPlaybook(
  db: Db,
  actor: Actor,
  workspaceId: string,
  value: unknown,
  note: string | null = null,
): Promise<{ outcome: ImportOutcome; playbook: PlaybookDetail }> {
  const file = orThrow(readPlaybookFile(value, { roles: await deliveryRoles(db, workspaceId) }));
  const row = await store.findPlaybookByKey(db, workspaceId, file.key);
  if (!row)
    return { outcome: 'created', playbook: await insertPlaybookFile(db, actor, workspaceId, file, note ?? 'imported') };
  const current = await getPlaybook(db, workspaceId, row.id);
  const metadata = {
    name: file.name,
    description: file.description,
    products: file.products,
    segments: file.segments,
    priority: file.priority,
  };
  const sameMetadata =
    current.name === file.name.trim() &&
    current.description === (file.description?.trim() || null) &&
    JSON.stringify(current.products) === JSON.stringify(file.products.map((p) => p.trim())) &&
    JSON.stringify(current.segments) === JSON.stringify(file.segments.map((s) => s.trim())) &&
    current.priority === file.priority;
  const sameContent = sameDefinition(current.definition, file.definition);
  if (sameMetadata && sameContent) return { outcome: 'unchanged', playbook: current };
  if (!sameMetadata) await updatePlaybook(db, actor, workspaceId, row.id, metadata);
  if (sameContent) return { outcome: 'updated', playbook: await getPlaybook(db, workspaceId, row.id) };
  const fresh = (await store.findPlaybook(db, workspaceId, row.id)) as store.PlaybookRow;
  return {
    outcome: 'versioned',
    playbook: await writeVersion(db, actor, workspaceId, fresh, file.definition, note ?? 'imported'),
  };
}

/** Imports a YAML or JSON text (the format from its content type, else from the text): syntax errors name the line. */
export async function importPlaybookText(
  db: Db,
  actor: Actor,
  workspaceId: string,
  text: string,
  contentType?: string,
  note: string | null = null,
) {
  const value = orThrow(parseText(text, detectFormat(text, contentType)));
  return importPlaybook(db, actor, workspaceId, value, note);
}
