import { z } from 'zod';
import { defineSetting } from '../../platform/settings/settings.service.ts';
import { DEFAULT_TICKET_RULES, ticketRuleSchema } from './classify/rules.ts';
import { DEFAULT_SLA_TARGETS } from './service-levels.ts';

const rulesSchema = z.object({ rules: z.array(ticketRuleSchema).max(50) });

/**
 * The workspace's keyword rules for tickets their help desk did not label: the first rule with a matching phrase
 * gives the category; tickets no rule matches are left to the trained model.
 */
export const ticketRulesSetting = defineSetting({
  key: 'support.ticket-rules',
  schema: rulesSchema,
  defaultValue: rulesSchema.parse({ rules: DEFAULT_TICKET_RULES }),
});

const storedSecret = z.object({
  /** Sealed with the instance key (platform/secrets), bound to the workspace. */
  secret: z.string().min(10).max(1000),
  last4: z.string().max(4),
  setAt: z.string(),
  setBy: z.string(),
});
export type StoredZendeskSecret = z.infer<typeof storedSecret>;

/** The signing secret of the workspace's Zendesk webhook; the audit log never records it. */
export const zendeskSecretSetting = defineSetting({
  key: 'support.zendesk-webhook-secret',
  schema: storedSecret.nullable(),
  defaultValue: null as StoredZendeskSecret | null,
  redact: (value) => (value ? { set: true, setAt: value.setAt, setBy: value.setBy } : { set: false }),
});

/** Hours per ticket priority, as the help desk names it; `normal` covers the priorities not listed. */
const hoursByPriority = z
  .record(
    z.string().trim().toLowerCase().min(1, 'name the priority').max(40, 'at most 40 characters'),
    z
      .number({ error: 'give the hours as a number' })
      .positive('must be more than 0 hours')
      .max(24 * 90, 'at most 2160 hours (90 days)'),
  )
  .refine((h) => Object.keys(h).length <= 20, 'at most 20 priorities');

const FIRST_RESPONSE = 'Hours to a first response promised per ticket priority; `normal` covers priorities not listed';
const RESOLUTION =
  'Hours from a ticket’s opening to its solving promised per ticket priority; `normal` covers priorities not listed';

/**
 * As stored: a value saved before resolution targets existed reads with the default ones (a support lead who never
 * set them sees breaches counted against targets said on the Support page, not a silent zero).
 */
const slaSchema = z.object({
  firstResponseHours: hoursByPriority.describe(FIRST_RESPONSE),
  resolutionHours: hoursByPriority.default(DEFAULT_SLA_TARGETS.resolutionHours).describe(RESOLUTION),
});

/**
 * The workspace's targets per ticket priority, to a first response and to a resolution: a later first response or
 * solving (or none yet past the target) is an SLA breach of that kind.
 */
export const slaTargetsSetting = defineSetting({
  key: 'support.sla',
  schema: slaSchema,
  defaultValue: slaSchema.parse(DEFAULT_SLA_TARGETS),
});

/**
 * What `PUT /api/v1/support/sla` takes: both maps, or the first-response one alone, which keeps the resolution
 * targets as they are (a client that knows only first responses does not wipe them).
 */
export const slaTargetsBody = z.object({
  firstResponseHours: hoursByPriority.describe(FIRST_RESPONSE),
  resolutionHours: hoursByPriority
    .optional()
    .describe(`${RESOLUTION}; left out, the resolution targets stay as they are`),
});
