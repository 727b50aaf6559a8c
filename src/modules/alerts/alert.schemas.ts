/** What a subscription write accepts: one schema for the API and the CLI, so both refuse alike, naming the field. */
import { z } from 'zod';
import { refId } from '../../platform/http/references.ts';
import { SEVERITIES, SIGNAL_STAGES } from '../signals/index.ts';
import { ACCOUNT_SCOPES, CHANNELS, isTimeZone, MODES } from './alert.ts';

const httpUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), 'must be an http(s) URL');

const quietHoursSchema = z.object({
  startHour: z.number().int().min(0).max(23),
  endHour: z.number().int().min(0).max(23),
  timeZone: z.string().trim().min(1).max(64).refine(isTimeZone, 'must be a time zone such as Europe/Paris'),
});

const common = {
  stages: z.array(z.enum(SIGNAL_STAGES)).max(SIGNAL_STAGES.length).describe('chain stages; empty: every stage'),
  minSeverity: z.enum(SEVERITIES).describe('the least severe signal that alerts'),
  mode: z.enum(MODES).describe('immediate: each signal as it opens; daily_digest: one message a day'),
  userId: refId('user', 'a member whose own subscription this is; null: the workspace’s').nullable(),
  accounts: z.enum(ACCOUNT_SCOPES).describe('all: every account; mine: only the accounts the member owns'),
  playTasks: z.boolean().describe('the member’s play tasks due: in the digest, or a morning message when immediate'),
  quietHours: quietHoursSchema.nullable().describe('immediate alerts raised in these local hours wait until they end'),
  enabled: z.boolean(),
};

const createFields = z.object({
  channel: z.enum(CHANNELS),
  target: z.string().trim().min(1).max(2000).describe('the email address, or the Slack or webhook URL'),
  secret: z
    .string()
    .min(16, 'must be at least 16 characters')
    .max(500)
    .optional()
    .describe('webhooks: the signing secret (never shown again)'),
  stages: common.stages.default([]),
  minSeverity: common.minSeverity.default('warning'),
  mode: common.mode.default('immediate'),
  userId: common.userId.optional(),
  accounts: common.accounts.default('all'),
  playTasks: common.playTasks.default(false),
  quietHours: common.quietHours.optional(),
  enabled: common.enabled.default(true),
});

function checkChannel(v: { channel: string; target: string; secret?: string | undefined }, ctx: z.RefinementCtx) {
  if (v.channel === 'email' && !z.email().safeParse(v.target).success) {
    ctx.addIssue({ code: 'custom', path: ['target'], message: 'must be an email address' });
  }
  if (v.channel !== 'email' && !httpUrl.safeParse(v.target).success) {
    ctx.addIssue({ code: 'custom', path: ['target'], message: 'must be an http(s) URL' });
  }
  if (v.channel === 'webhook' && !v.secret) {
    ctx.addIssue({ code: 'custom', path: ['secret'], message: 'a webhook needs a signing secret' });
  }
  if (v.channel !== 'webhook' && v.secret) {
    ctx.addIssue({ code: 'custom', path: ['secret'], message: 'only webhooks take a secret' });
  }
}

export const subscriptionCreateSchema = createFields.superRefine((v, ctx) => {
  if (!v.userId && v.accounts === 'mine') {
    ctx.addIssue({ code: 'custom', path: ['accounts'], message: 'only a member’s own subscription hears of mine' });
  }
  if (!v.userId && v.playTasks) {
    ctx.addIssue({ code: 'custom', path: ['playTasks'], message: 'play tasks reach a member’s own subscription' });
  }
  checkChannel(v, ctx);
});
/** A member's own subscription: the same, its person being the one who asks. */
export const mySubscriptionCreateSchema = createFields.omit({ userId: true }).superRefine(checkChannel);
export type SubscriptionCreate = z.infer<typeof subscriptionCreateSchema>;
export type MySubscriptionCreate = z.infer<typeof mySubscriptionCreateSchema>;

export const subscriptionPatchSchema = z.object({
  stages: common.stages.optional(),
  minSeverity: common.minSeverity.optional(),
  mode: common.mode.optional(),
  accounts: common.accounts.optional(),
  playTasks: common.playTasks.optional(),
  quietHours: common.quietHours.optional(),
  enabled: common.enabled.optional().describe('true re-enables a subscription disabled after failures'),
  secret: z.string().min(16, 'must be at least 16 characters').max(500).optional().describe('webhooks: a new secret'),
});
export type SubscriptionPatch = z.infer<typeof subscriptionPatchSchema>;

export const subscriptionSchema = z.object({
  id: z.string(),
  channel: z.enum(CHANNELS),
  target: z.string(),
  hasSecret: z.boolean(),
  stages: z.array(z.enum(SIGNAL_STAGES)),
  minSeverity: z.enum(SEVERITIES),
  mode: z.enum(MODES),
  userId: z.string().nullable(),
  accounts: z.enum(ACCOUNT_SCOPES).describe('all: every account; mine: only the accounts the member owns'),
  playTasks: z.boolean().describe('the member’s play tasks due: in the digest, or a morning message when immediate'),
  quietHours: quietHoursSchema.nullable(),
  enabled: z.boolean(),
  consecutiveFailures: z.number(),
  disabledReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** What a channel answered to a test alert. */
export const answerSchema = z.object({
  subscriptionId: z.string(),
  channel: z.enum(CHANNELS),
  target: z.string(),
  ok: z.boolean(),
  status: z.number().nullable().describe('the HTTP or SMTP status the channel answered, null when not reached'),
  answer: z.string(),
});
