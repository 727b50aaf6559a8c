/** Play definitions: listed with their runs and success rate, created, saved as a new version, enabled or not. */
import type { Actor } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { BUILTIN_PLAYS } from './builtin-plays.ts';
import { type PlayDefinition, type Trigger, triggerWords } from './play.ts';
import * as store from './play.store.ts';

export interface PlaySummary {
  id: string;
  name: string;
  builtinKey: string | null;
  enabled: boolean;
  version: number;
  trigger: Trigger;
  triggerWords: string;
  taskCount: number;
  runs: number;
  openRuns: number;
  judgedRuns: number;
  /** The share of judged runs that worked; null before any was judged. */
  successRate: number | null;
  updatedAt: string;
}

export interface PlayDetail extends PlaySummary {
  definition: PlayDefinition;
}

const triggerColumns = (t: Trigger) => ({ trigger_type: t.type, trigger_kind: t.type === 'signal' ? t.kind : null });

/** Adds the built-in plays a workspace lacks (none twice, even when two instances seed at once). */
export async function ensureBuiltinPlays(db: Db, workspaceId: string, at: string = nowIso()): Promise<void> {
  const have = await store.selectBuiltinKeys(db, workspaceId);
  for (const [key, def] of Object.entries(BUILTIN_PLAYS)) {
    if (have.has(key)) continue;
    const id = newId();
    const inserted = await store.insertPlay(db, {
      id,
      workspace_id: workspaceId,
      builtin_key: key,
      name: def.name,
      ...triggerColumns(def.trigger),
      enabled: 1,
      current_version: 1,
      created_at: at,
      updated_at: at,
    });
    if (inserted)
      await store.insertVersion(db, {
        id: newId(),
        workspace_id: workspaceId,
        play_id: id,
        version: 1,
        definition: JSON.stringify(def),
        created_by_label: 'Baton',
        created_at: at,
      });
  }
}

async function definitionOf(db: Db, row: store.PlayRow): Promise<PlayDefinition> {
  const v = await store.findVersion(db, row.id, row.current_version);
  if (!v) throw new Error(`play ${row.id} has no version ${row.current_version}`);
  return JSON.parse(v.definition) as PlayDefinition;
}

type Counts = { runs: number; open: number; judged: number; successes: number };

function toSummary(row: store.PlayRow, def: PlayDefinition, c: Counts | undefined): PlaySummary {
  const counts = c ?? { runs: 0, open: 0, judged: 0, successes: 0 };
  return {
    id: row.id,
    name: row.name,
    builtinKey: row.builtin_key,
    enabled: row.enabled === 1,
    version: row.current_version,
    trigger: def.trigger,
    triggerWords: triggerWords(def.trigger),
    taskCount: def.tasks.length,
    runs: counts.runs,
    openRuns: counts.open,
    judgedRuns: counts.judged,
    successRate: counts.judged > 0 ? counts.successes / counts.judged : null,
    updatedAt: row.updated_at,
  };
}

async function countsByPlay(db: Db, workspaceId: string): Promise<Map<string, Counts>> {
  return new Map(
    (await store.runCounts(db, workspaceId)).map((r) => [
      r.play_id,
      {
        runs: Number(r.runs),
        open: Number(r.open ?? 0),
        judged: Number(r.judged),
        successes: Number(r.successes ?? 0),
      },
    ]),
  );
}

/** Every play of the workspace (the built-in ones added first where missing), by name. */
export async function listPlays(db: Db, workspaceId: string): Promise<PlaySummary[]> {
  await ensureBuiltinPlays(db, workspaceId);
  const counts = await countsByPlay(db, workspaceId);
  const out: PlaySummary[] = [];
  for (const row of await store.selectPlays(db, workspaceId))
    out.push(toSummary(row, await definitionOf(db, row), counts.get(row.id)));
  return out;
}

export async function getPlay(db: Db, workspaceId: string, id: string): Promise<PlayDetail> {
  const row = await store.findPlay(db, workspaceId, id);
  if (!row) throw AppError.notFound('play');
  const def = await definitionOf(db, row);
  return { ...toSummary(row, def, (await countsByPlay(db, workspaceId)).get(id)), definition: def };
}

export async function createPlay(
  db: Db,
  actor: Actor,
  workspaceId: string,
  def: PlayDefinition,
  enabled: boolean,
  at: string = nowIso(),
): Promise<PlayDetail> {
  const id = newId();
  await store.insertPlay(db, {
    id,
    workspace_id: workspaceId,
    builtin_key: null,
    name: def.name,
    ...triggerColumns(def.trigger),
    enabled: enabled ? 1 : 0,
    current_version: 1,
    created_at: at,
    updated_at: at,
  });
  await store.insertVersion(db, {
    id: newId(),
    workspace_id: workspaceId,
    play_id: id,
    version: 1,
    definition: JSON.stringify(def),
    created_by_label: actor.label,
    created_at: at,
  });
  return getPlay(db, workspaceId, id);
}

/**
 * Saves a new version of a play (runs already started keep theirs). `expectedVersion`, when given, must be the
 * current one: two people saving at once cannot both win.
 */
export async function savePlay(
  db: Db,
  actor: Actor,
  workspaceId: string,
  id: string,
  def: PlayDefinition,
  enabled: boolean | undefined,
  expectedVersion: number | undefined,
): Promise<PlayDetail> {
  const row = await store.findPlay(db, workspaceId, id);
  if (!row) throw AppError.notFound('play');
  if (expectedVersion !== undefined && expectedVersion !== row.current_version)
    throw new AppError('conflict', `the play is at version ${row.current_version}, not ${expectedVersion}`);
  const at = nowIso();
  const moved = await store.advanceVersion(db, workspaceId, id, row.current_version, {
    name: def.name,
    ...triggerColumns(def.trigger),
    ...(enabled === undefined ? {} : { enabled: enabled ? 1 : 0 }),
    updated_at: at,
  });
  if (!moved) throw new AppError('conflict', 'someone saved the play at the same time: read it again');
  await store.insertVersion(db, {
    id: newId(),
    workspace_id: workspaceId,
    play_id: id,
    version: row.current_version + 1,
    definition: JSON.stringify(def),
    created_by_label: actor.label,
    created_at: at,
  });
  return getPlay(db, workspaceId, id);
}
