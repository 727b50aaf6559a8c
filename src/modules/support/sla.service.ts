import type { z } from 'zod';
import type { Actor } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { readSetting, writeSetting } from '../../platform/settings/settings.service.ts';
import type { SlaTargets } from './service-levels.ts';
import { type slaTargetsBody, slaTargetsSetting } from './support.settings.ts';

/** The workspace's targets to a first response and to a resolution per priority (the defaults until saved). */
export const readSlaTargets = (db: Db, workspaceId: string): Promise<SlaTargets> =>
  readSetting(db, workspaceId, slaTargetsSetting);

/** Replaces the workspace's targets; a body without resolution targets keeps the stored ones. */
export async function writeSlaTargets(
  db: Db,
  actor: Actor,
  workspaceId: string,
  body: z.infer<typeof slaTargetsBody>,
): Promise<SlaTargets> {
  const resolutionHours = body.resolutionHours ?? (await readSlaTargets(db, workspaceId)).resolutionHours;
  return writeSetting(db, actor, workspaceId, slaTargetsSetting, { ...body, resolutionHours });
}
