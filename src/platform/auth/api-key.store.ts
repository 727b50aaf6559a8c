import type { Db } from '../db/database.ts';
import type { ApiKeyTable } from './auth.table.ts';

export const insertApiKey = (db: Db, row: ApiKeyTable) => db.insertInto('api_keys').values(row).execute();

export const findApiKeyByPrefix = (db: Db, prefix: string) =>
  db.selectFrom('api_keys').selectAll().where('prefix', '=', prefix).executeTakeFirst();

export const findApiKey = (db: Db, workspaceId: string, id: string) =>
  db.selectFrom('api_keys').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();

export const listApiKeyRows = (db: Db, workspaceId: string) =>
  db.selectFrom('api_keys').selectAll().where('workspace_id', '=', workspaceId).orderBy('created_at', 'desc').execute();

export const touchApiKey = (db: Db, id: string, at: string) =>
  db.updateTable('api_keys').set({ last_used_at: at }).where('id', '=', id).execute();

export const revokeApiKeyRow = (db: Db, id: string, at: string) =>
  db.updateTable('api_keys').set({ revoked_at: at }).where('id', '=', id).execute();
