/**
 * Settings › Signal rules over HTTP: every module's rules with thresholds and defaults, a set changed (and its
 * workspace re-evaluated in the background), and a re-evaluation's counts.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.ts';
import { actorOf } from '../../platform/auth/principal.ts';
import { principalOf } from '../../platform/http/auth.hook.ts';
import { errorResponses } from '../../platform/http/schemas.ts';
import { SIGNAL_STAGES } from './signal.ts';
import { getRuleRun, listRuleSets, saveRuleSet } from './signal-rule-settings.service.ts';

const runSchema = z.object({
  id: z.string(),
  settingKey: z.string(),
  at: z.string().describe('When the re-evaluation was asked for'),
  finishedAt: z.string().nullable(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  accounts: z.number().nullable().describe('Accounts judged'),
  opened: z.number().nullable().describe('Signals of the set’s kinds open after that were not before'),
  closed: z.number().nullable().describe('Signals of the set’s kinds open before that are not after'),
  error: z.string().nullable(),
});

const ruleSetSchema = z.object({
  settingKey: z.string(),
  module: z.string(),
  rules: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      description: z.string(),
      kinds: z.array(z.string()),
      stage: z.enum(SIGNAL_STAGES),
      switchable: z.boolean(),
      enabled: z.boolean(),
      fields: z.array(
        z.object({
          name: z.string(),
          label: z.string(),
          unit: z.string(),
          min: z.number(),
          max: z.number(),
          integer: z.boolean().optional(),
          value: z.number(),
          default: z.number(),
        }),
      ),
    }),
  ),
  lastRun: runSchema.nullable(),
});

export function signalRuleSettingsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/signal-rules', {
    config: { access: 'accounts:read' },
    schema: {
      tags: ['signals'],
      summary: 'Every signal rule with thresholds: its module, kinds, stage, values beside defaults, switch, last run',
      response: { 200: z.object({ items: z.array(ruleSetSchema) }), ...errorResponses },
    },
    handler: async (req) => ({ items: await listRuleSets(ctx.db, principalOf(req).workspaceId) }),
  });

  r.put('/api/v1/signal-rules/:settingKey', {
    config: { access: 'signals:manage' },
    schema: {
      tags: ['signals'],
      summary: 'Change a module’s signal thresholds or switch rules off; re-evaluates the workspace in the background',
      description:
        'The body is the setting’s whole value: each rule by its key with `enabled` and its numbers. A wrong value ' +
        'is refused naming `body.<rule>.<field>`; a saved one queues `signals.rules-rerun`, whose run `lastRun` names.',
      params: z.object({ settingKey: z.string().max(100) }),
      body: z.record(z.string(), z.unknown()),
      response: { 200: ruleSetSchema, ...errorResponses },
    },
    handler: async (req) => {
      const principal = principalOf(req);
      return ctx.db
        .transaction()
        .execute((trx) =>
          saveRuleSet(
            trx,
            actorOf(principal, req.id),
            principal.workspaceId,
            req.params.settingKey,
            req.body,
            ctx.now(),
          ),
        );
    },
  });

  r.get('/api/v1/signal-rules/runs/:id', {
    config: { access: 'accounts:read' },
    schema: {
      tags: ['signals'],
      summary: 'A re-evaluation after a change of thresholds: accounts judged, signals opened and closed',
      params: z.object({ id: z.string().max(100) }),
      response: { 200: runSchema, ...errorResponses },
    },
    handler: async (req) => getRuleRun(ctx.db, principalOf(req).workspaceId, req.params.id),
  });
}
