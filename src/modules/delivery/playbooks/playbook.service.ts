/**
 * Reading playbooks: the list, one with its versions, one version, and the one a deal's products and segment select.
 */
import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { knownRolesOf } from '../resources/resource-roles.service.ts';
import {
  type PlaybookDefinition,
  type PlaybookDetail,
  playbookDefinitionSchema,
  type PlaybookSummary,
  type PlaybookVersion,
  type PlaybookVersionInfo,
} from './playbook.ts';

export type { PlaybookDetail, PlaybookSummary, PlaybookVersionInfo };
import type { Read } from './playbook-file.ts';
import { rankPlaybooks } from './playbook-match.ts';
import {
  effortByRole,
  type PlaybookProblem,
  taskCount,
  totalEffortHours,
  typicalDurationDays,
} from './playbook.rules.ts';
import * as store from './playbook.store.ts';

/** The roles a task may name: the default delivery roles and the workspace's own (Settings → roles). */
export const deliveryRoles = (db: Db, workspaceId: string): Promise<readonly string[]> => knownRolesOf(db, workspaceId);

/** The ETag of a playbook: its version, which only a new definition changes. */
export const playbookEtag = (p: { version: number }): string => `"${p.version}"`;

/** Reads an If-Match value (`"3"`, `W/"3"` or `3`) as a version number, or null when it is not one. */
export function ifMatchVersion(ifMatch: string): number | null {
  const m = /^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(ifMatch);
  return m ? Number(m[1]) : null;
}

const parseDefinition = (json: string): PlaybookDefinition => playbookDefinitionSchema.parse(JSON.parse(json));
const parseList = (json: string): string[] => JSON.parse(json) as string[];

/** The problems of a read, as one validation error naming each field (`body.definition.phases[0]…`). */
export function problemsError(problems: readonly PlaybookProblem[], prefix = 'body'): AppError {
  const fieldErrors = problems.map((p) => ({
    field: p.path === 'file' ? prefix : `${prefix}.${p.path}`,
    message: p.message,
  }));
  const summary = fieldErrors
    .slice(0, 5)
    .map((f) => `${f.field}: ${f.message}`)
    .join('; ');
  const more = fieldErrors.length > 5 ? ` (and ${fieldErrors.length - 5} more)` : '';
  return new AppError('validation', `the playbook is not valid: ${summary}${more}`, { fieldErrors });
}

export const orThrow = <T>(read: Read<T>, prefix = 'body'): T => {
  if (!read.ok) throw problemsError(read.problems, prefix);
  return read.value;
};

function toSummary(r: store.PlaybookRow, definition: PlaybookDefinition): PlaybookSummary {
  return {
    id: r.id,
    key: r.key,
    name: r.name,
    description: r.description,
    products: parseList(r.products),
    segments: parseList(r.segments),
    priority: Number(r.priority),
    version: Number(r.current_version),
    taskCount: taskCount(definition),
    totalEffortHours: totalEffortHours(definition),
    typicalDurationDays: typicalDurationDays(definition),
    archived: r.archived_at !== null,
    archivedAt: r.archived_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

const toVersionInfo = (v: store.PlaybookVersionRow): PlaybookVersionInfo => {
  const definition = parseDefinition(v.definition);
  return {
    version: Number(v.version),
    note: v.note,
    createdBy: v.created_by_label,
    createdAt: v.created_at,
    taskCount: taskCount(definition),
    totalEffortHours: totalEffortHours(definition),
  };
};

/**
 * Every playbook of the workspace by id, archived ones included: its key (as articles' `playbook:` tags name it) and
 * name.
 */
export async function playbookNamesById(
  db: Db,
  workspaceId: string,
): Promise<Map<string, { key: string; name: string }>> {
  return new Map((await store.selectPlaybooks(db, workspaceId)).map((r) => [r.id, { key: r.key, name: r.name }]));
}

/** Every playbook of the workspace, by name, archived ones included (they say so). */
export async function listPlaybooks(
  db: Db,
  workspaceId: string,
  opts: { archived?: boolean } = {},
): Promise<PlaybookSummary[]> {
  const rows = await store.selectPlaybooks(db, workspaceId);
  const current = new Map(
    (await store.selectCurrentVersions(db, workspaceId)).map((v) => [v.playbook_id, parseDefinition(v.definition)]),
  );
  return rows
    .filter((r) => opts.archived === undefined || (r.archived_at !== null) === opts.archived)
    .flatMap((r) => {
      const definition = current.get(r.id);
      return definition ? [toSummary(r, definition)] : [];
    });
}

export async function findOr404(db: Db, workspaceId: string, id: string): Promise<store.PlaybookRow> {
  const row = await store.findPlaybook(db, workspaceId, id);
  if (!row) throw AppError.notFound('playbook');
  return row;
}

async function versionOr404(
  db: Db,
  workspaceId: string,
  playbookId: string,
  version: number,
): Promise<store.PlaybookVersionRow> {
  const v = await store.findVersion(db, workspaceId, playbookId, version);
  if (!v) throw AppError.notFound(`version ${version} of the playbook`);
  return v;
}

export async function getPlaybook(db: Db, workspaceId: string, id: string): Promise<PlaybookDetail> {
  const row = await findOr404(db, workspaceId, id);
  const versions = await store.selectVersions(db, workspaceId, id);
  const current = versions.find((v) => Number(v.version) === Number(row.current_version));
  if (!current)
    throw new AppError('internal', 'a playbook without its current version', {
      detail: `${id} v${row.current_version}`,
    });
  const definition = parseDefinition(current.definition);
  return {
    ...toSummary(row, definition),
    definition,
    effortByRole: effortByRole(definition),
    versions: versions.map(toVersionInfo),
  };
}

export async function getPlaybookByKey(db: Db, workspaceId: string, key: string): Promise<PlaybookDetail> {
  const row = await store.findPlaybookByKey(db, workspaceId, key);
  if (!row) throw AppError.notFound(`playbook ${key}`);
  return getPlaybook(db, workspaceId, row.id);
}

/**
 * One version of a playbook (null: the current one), as projects keep it: a project stores its playbook id and
 * version, so it reads the same tasks whatever was saved since. 404 when the playbook or the version is not in
 * the workspace.
 */
export async function getPlaybookVersion(
  db: Db,
  workspaceId: string,
  playbookId: string,
  version: number | null,
): Promise<PlaybookVersion> {
  const row = await findOr404(db, workspaceId, playbookId);
  const v = await versionOr404(db, workspaceId, playbookId, version ?? Number(row.current_version));
  return {
    playbookId: row.id,
    key: row.key,
    name: row.name,
    version: Number(v.version),
    definition: parseDefinition(v.definition),
  };
}

/**
 * The playbook a deal gets, at its current version: the non-archived playbook whose rules fit the deal's
 * products and segment, highest priority first, then the most specific, then the oldest. Null when none fits.
 */
export async function selectPlaybook(
  db: Db,
  workspaceId: string,
  deal: { products: string[]; segment: string | null },
): Promise<PlaybookVersion | null> {
  const [best] = rankPlaybooks(await listPlaybooks(db, workspaceId), deal);
  return best ? getPlaybookVersion(db, workspaceId, best.id, best.version) : null;
}
