import { z } from 'zod';
import { defineSetting } from '../../../platform/settings/settings.service.ts';

/** The workspace's portal signing key; replacing it invalidates every link at once. */
export const PORTAL_KEY = defineSetting({
  key: 'delivery.portalKey',
  schema: z.string(),
  defaultValue: '',
  redact: (v: string) => (v ? 'set' : 'unset'),
});
