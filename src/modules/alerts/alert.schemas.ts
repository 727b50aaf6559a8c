/** What a subscription write accepts: one schema for the API and the CLI, so both refuse alike, naming the field. */
import { z } from 'zod';
import { refId } from '../../platform/http/references.ts';
import { SEVERITIES, SIGNAL_STAGES } from '../signals/index.ts';
import { ACCOUNT_SCOPES, type Channel, CHANNELS, isTimeZone, MODES } from './alert.ts';

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

/** A channel problem, named by the body's field. */
export interface ChannelIssue {
  path: 'target' | 'secret';
  message: string;
}

/**
 * The one check of a channel, its address and its secret, on create and on change: an email address for email, an
 * http(s) URL for Slack and webhooks, a signing secret for a webhook and for nothing else. `target` undefined: the
 * address is not being set. `secret`: given in the body, kept from before (the channel unchanged), or none.
 */
export function channelIssues(
  channel: Channel,
  target: string | undefined,
  secret: 'given' | 'kept' | 'none',
): ChannelIssue[] {
  const issues: ChannelIssue[] = [];
  if (target !== undefined && channel === 'email' && !z.email().safeParse(target).success) {
    issues.push({ path: 'target', message: 'must be an email address' });
  }
  if (target !== undefined && channel !== 'email' && !httpUrl.safeParse(target).success) {
    issues.push({ path: 'target', message: 'must be an http(s) URL' });
  }
  if (channel === 'webhook' && secret === 'none') {
    issues.push({ path: 'secret', message: 'a webhook needs a signing secret' });
  }
  if (channel !== 'webhook' && secret === 'given')
    issues.push({ path: 'secret', message: 'only webhooks take a secret' });
  return issues;
}

/**
 * What is wrong with a change of channel or address, checked as on create: a new channel needs its address; a
 * change to a webhook needs its secret, a webhook given a new address keeps its own.
 */
export function channelChangeIssues(
  before: { channel: Channel },
  patch: { channel?: Channel | undefined; target?: string | undefined; secret?: string | undefined },
): ChannelIssue[] {
  const channel = patch.channel ?? before.channel;
  if (channel !== before.channel && patch.target === undefined) {
    return [{ path: 'target', message: 'a new channel needs its address' }];
  }
  const secret = patch.secret !== undefined ? 'given' : channel === before.channel ? 'kept' : 'none';
  return channelIssues(channel, patch.target, secret);
}

function checkChannel(v: { channel: Channel; target: string; secret?: string | undefined }, ctx: z.RefinementCtx) {
  for (const issue of channelIssues(v.channel, v.target, v.secret ? 'given' : 'none')) {
    ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
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
  channel: z
    .enum(CHANNELS)
    .optional()
    .describe('a new channel, given with its target (and a secret when it becomes a webhook)'),
  target: z
    .string()
    .trim()
    .min(1)
    .max(2000)
    .optional()
    .describe('a new address, checked as on create; re-enables a subscription disabled after failures'),
  stages: common.stages.optional(),
  minSeverity: common.minSeverity.optional(),
  mode: common.mode.optional(),
  accounts: common.accounts.optional(),
  playTasks: common.playTasks.optional(),
  quietHours: common.quietHours.optional(),
  enabled: common.enabled.optional().describe('true re-enables a subscription disabled after failures'),
  secret: z
    .string()
    .min(16, 'must be at least 16 characters')
    .max(500)
    .optional()
    .describe('webhooks: a new secret; needed when the channel becomes a webhook'),
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
