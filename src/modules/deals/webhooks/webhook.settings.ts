import { z } from 'zod';
import { defineSetting } from '../../../platform/settings/settings.service.ts';
import { MIN_SECRET_LENGTH } from './webhook.ts';

const storedSecret = z.object({
  /** Sealed (platform/secrets); a secret set before sealing existed is plain until the next start seals it. */
  secret: z.string().min(MIN_SECRET_LENGTH).max(1000),
  /** The secret's last 4 characters, shown to tell secrets apart (absent on secrets set before sealing). */
  last4: z.string().max(4).optional(),
  setAt: z.string(),
  setBy: z.string(),
});
export type StoredSecret = z.infer<typeof storedSecret>;

/**
 * Webhook secrets by source (`hubspot`: the HubSpot app's client secret; any other name: the shared secret
 * of that CRM's generic webhook). The audit log records who set which, never a secret.
 */
export const webhookSecretsSetting = defineSetting({
  key: 'integrations.webhook-secrets',
  schema: z.record(z.string(), storedSecret),
  defaultValue: {} as Record<string, StoredSecret>,
  redact: (value) =>
    Object.fromEntries(
      Object.entries(value).map(([source, s]) => [source, { set: true, setAt: s.setAt, setBy: s.setBy }]),
    ),
});
