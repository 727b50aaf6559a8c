import { z } from 'zod';
import { defineSetting } from '../../platform/settings/settings.service.ts';

/**
 * The workspace's reporting currency for revenue figures; null: the currency its subscriptions share (USD when
 * they share none). Subscriptions in another currency are left out of the figures, and said to be.
 */
export const revenueSettings = defineSetting({
  key: 'revenue.settings',
  schema: z.object({
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .nullable(),
  }),
  defaultValue: { currency: null } as { currency: string | null },
});

const storedSecret = z.object({
  /** Sealed with the instance key (platform/secrets), bound to the workspace. */
  secret: z.string().min(10).max(1000),
  last4: z.string().max(4),
  setAt: z.string(),
  setBy: z.string(),
});
export type StoredStripeSecret = z.infer<typeof storedSecret>;

/** The signing secret of the workspace's Stripe webhook endpoint (`whsec_…`); the audit log never records it. */
export const stripeSecretSetting = defineSetting({
  key: 'revenue.stripe-webhook-secret',
  schema: storedSecret.nullable(),
  defaultValue: null as StoredStripeSecret | null,
  redact: (value) => (value ? { set: true, setAt: value.setAt, setBy: value.setBy } : { set: false }),
});
