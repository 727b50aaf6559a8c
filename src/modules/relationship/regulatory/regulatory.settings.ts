/** The regulatory-change rule's lead time (DESIGN §4), configurable per workspace; it can be off. */
import { z } from 'zod';
import { defineSetting } from '../../../platform/settings/settings.service.ts';

export const regulatorySignalsSchema = z.object({
  /** Accounts in scope are asked for a review from `leadDays` before the event takes effect. */
  reviewNeeded: z.object({ enabled: z.boolean(), leadDays: z.number().int().min(0).max(730) }),
});
export type RegulatorySignalSettings = z.infer<typeof regulatorySignalsSchema>;

export const regulatorySignalsSetting = defineSetting({
  key: 'relationship.regulatory-signals',
  schema: regulatorySignalsSchema,
  defaultValue: { reviewNeeded: { enabled: true, leadDays: 90 } } as RegulatorySignalSettings,
});
