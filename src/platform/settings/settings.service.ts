import type { z } from 'zod';
import { recordAudit } from '../audit/audit.service.ts';
import type { Actor } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors/app-error.ts';
import { nowIso } from '../ids.ts';

/**
 * A workspace setting: a key, its schema and its default. Modules declare their own
 * (`deals.guard`, …) and read them through `readSetting`, which falls back to the default.
 */
export interface SettingDefinition<S extends z.ZodType> {
  key: string;
  schema: S;
  defaultValue: z.infer<S>;
  /** What the audit log records of a value; for secrets, whether they are set, never the secret itself. */
  redact?: (value: z.infer<S>) => unknown;
}

export const defineSetting = <S extends z.ZodType>(def: SettingDefinition<S>) => def;

export async function readSetting<S extends z.ZodType>(
  db: Db,
  workspaceId: string,
  def: SettingDefinition<S>,
): Promise<z.infer<S>> {
  const row = await db
    .selectFrom('workspace_settings')
    .select('value')
    .where('workspace_id', '=', workspaceId)
    .where('key', '=', def.key)
    .executeTakeFirst();
  if (!row) return def.defaultValue;
  const parsed = def.schema.safeParse(JSON.parse(row.value));
  // A value stored by an older version that no longer fits: the default applies until it is saved again.
  return parsed.success ? parsed.data : def.defaultValue;
}

/** The rows holding a setting, one per workspace that has it. */
export const selectSettingRows = (db: Db, key: string) =>
  db.selectFrom('workspace_settings').select('workspace_id').where('key', '=', key).execute();

/**
 * Stores a setting's value as it is, unaudited: for Baton's own upkeep of a stored form (sealing a secret), never
 * for a change a person makes, which goes through `writeSetting`.
 */
export async function replaceSetting<S extends z.ZodType>(
  db: Db,
  workspaceId: string,
  def: SettingDefinition<S>,
  value: z.infer<S>,
): Promise<void> {
  await db
    .updateTable('workspace_settings')
    .set({ value: JSON.stringify(def.schema.parse(value)), updated_at: nowIso() })
    .where('workspace_id', '=', workspaceId)
    .where('key', '=', def.key)
    .execute();
}

export async function writeSetting<S extends z.ZodType>(
  db: Db,
  actor: Actor,
  workspaceId: string,
  def: SettingDefinition<S>,
  value: unknown,
): Promise<z.infer<S>> {
  const parsed = def.schema.safeParse(value);
  if (!parsed.success) {
    throw new AppError(
      'validation',
      `${def.key}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'value'} ${i.message}`).join('; ')}`,
      {
        fieldErrors: parsed.error.issues.map((i) => ({ field: ['body', ...i.path].join('.'), message: i.message })),
      },
    );
  }
  const before = await readSetting(db, workspaceId, def);
  const now = nowIso();
  await db
    .insertInto('workspace_settings')
    .values({ workspace_id: workspaceId, key: def.key, value: JSON.stringify(parsed.data), updated_at: now })
    .onConflict((oc) =>
      oc.columns(['workspace_id', 'key']).doUpdateSet({ value: JSON.stringify(parsed.data), updated_at: now }),
    )
    .execute();
  await recordAudit(db, {
    workspaceId,
    actor,
    action: 'setting.update',
    entityType: 'setting',
    entityId: def.key,
    before: def.redact ? def.redact(before) : before,
    after: def.redact ? def.redact(parsed.data) : parsed.data,
  });
  return parsed.data;
}
