/**
 * The routes every module that raises signals gives them, in one shape: running its rules now (what its daily
 * job does) and reading or changing its thresholds, each rule with its off switch.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.ts';
import type { Access } from '../../platform/auth/permissions.ts';
import { actorOf } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { principalOf } from '../../platform/http/auth.hook.ts';
import { errorResponses, isoDate } from '../../platform/http/schemas.ts';
import { readSetting, type SettingDefinition, writeSetting } from '../../platform/settings/settings.service.ts';

const counts = z.record(z.string(), z.number());

/** What running a module's rules for a workspace answers: the day judged, the accounts, and per kind the counts. */
export interface RuleEvaluation {
  asOf: string;
  accounts: number;
  raised: Record<string, number>;
  resolved: Record<string, number>;
}

export interface SignalRuleRoutes<S extends z.ZodType> {
  /** The OpenAPI tag of the module. */
  tag: string;
  /** Where its rules run now, e.g. `/api/v1/revenue/signals/evaluate`. */
  evaluatePath: string;
  /** What the rules are, for the summaries: "the contraction and no-expansion signals". */
  rules: string;
  /** The daily job that runs them, named in the description. */
  job: string;
  /** The settings' name: `/api/v1/settings/<name>`. */
  settingsName: string;
  /** Who may read the thresholds (changing them takes `workspace:manage`). */
  readAccess: Access;
  setting: SettingDefinition<S>;
  /** Runs the rules of one workspace in the transaction given, on `asOf` (a day) or else the app's `now`. */
  evaluate(db: Db, workspaceId: string, asOf: string | undefined, now: Date): Promise<RuleEvaluation>;
}

/** Mounts a module's signal routes: evaluate now, and read or change its thresholds. */
export function signalRuleRoutes<S extends z.ZodType>(
  app: FastifyInstance,
  ctx: AppContext,
  spec: SignalRuleRoutes<S>,
): void {
  const { db } = ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const settingsPath = `/api/v1/settings/${spec.settingsName}`;
  // Fastify's typed routes read a schema's type where it is declared: to them the setting's schema is any schema.
  const setting = spec.setting as SettingDefinition<z.ZodType>;

  r.post(spec.evaluatePath, {
    config: { access: 'workspace:manage' },
    schema: {
      tags: [spec.tag],
      summary: `Evaluate ${spec.rules} now`,
      description: `What the daily ${spec.job} job does, for this workspace: raises the signals whose rule holds (with evidence) and resolves those that no longer hold.`,
      body: z
        .object({ asOf: isoDate.optional().describe('Day to judge, YYYY-MM-DD (UTC); today by default') })
        .default({}),
      response: {
        200: z.object({ asOf: z.string(), accounts: z.number(), raised: counts, resolved: counts }),
        ...errorResponses,
      },
    },
    handler: async (req) => {
      const workspaceId = principalOf(req).workspaceId;
      return db.transaction().execute((trx) => spec.evaluate(trx, workspaceId, req.body?.asOf, ctx.now()));
    },
  });

  r.get(settingsPath, {
    config: { access: spec.readAccess },
    schema: {
      tags: ['settings'],
      summary: `Thresholds of ${spec.rules}`,
      response: { 200: setting.schema, ...errorResponses },
    },
    handler: async (req) => readSetting(db, principalOf(req).workspaceId, setting),
  });

  r.put(settingsPath, {
    config: { access: 'workspace:manage' },
    schema: {
      tags: ['settings'],
      summary: `Change the thresholds of ${spec.rules}, or switch a rule off`,
      body: setting.schema,
      response: { 200: setting.schema, ...errorResponses },
    },
    handler: async (req) => {
      const principal = principalOf(req);
      return db
        .transaction()
        .execute((trx) => writeSetting(trx, actorOf(principal, req.id), principal.workspaceId, setting, req.body));
    },
  });
}
