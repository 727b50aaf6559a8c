/** The threshold of the stale-onboarding-materials signal (DESIGN §4, stage 4), configurable per workspace. */
import { z } from 'zod';
import { defineSetting } from '../../../platform/settings/settings.service.ts';

export const knowledgeThresholdsSchema = z.object({
  /**
   * For a project in delivery, or live for at most `daysAfterGoLive` days: every published article tagged with its
   * playbook was last updated before its kickoff.
   */
  materialsStale: z.object({
    enabled: z.boolean(),
    daysAfterGoLive: z.number().int().min(0).max(365),
  }),
});
export type KnowledgeThresholds = z.infer<typeof knowledgeThresholdsSchema>;

export const DEFAULT_KNOWLEDGE_THRESHOLDS: KnowledgeThresholds = {
  materialsStale: { enabled: true, daysAfterGoLive: 60 },
};

export const knowledgeThresholdsSetting = defineSetting({
  key: 'knowledge.signals',
  schema: knowledgeThresholdsSchema,
  defaultValue: DEFAULT_KNOWLEDGE_THRESHOLDS,
});
