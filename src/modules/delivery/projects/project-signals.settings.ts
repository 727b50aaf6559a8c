/**
 * The thresholds of the delivery rules (DESIGN §4, stages 1 to 3), configurable per workspace; each rule can be off.
 * The defaults are the rules' own (`DEFAULT_THRESHOLDS` in `project-signals.ts`).
 */
import { z } from 'zod';
import { defineSetting } from '../../../platform/settings/settings.service.ts';
import { DEFAULT_THRESHOLDS, type ProjectSignalKind, type SignalThresholds } from './project-signals.ts';

export const deliverySignalsSchema = z.object({
  /** A slip or a scope change within `days` of kickoff is a handoff warning. */
  earlyChange: z.object({ enabled: z.boolean(), days: z.number().int().min(1).max(180) }),
  /** More than `share` of open critical-path effort on one person. */
  concentratedWork: z.object({ enabled: z.boolean(), share: z.number().min(0).max(1) }),
  /** A task blocked more than `workingDays`. */
  blockedTask: z.object({ enabled: z.boolean(), workingDays: z.number().int().min(1).max(260) }),
  /** Projected duration beyond `percentile` of completed projects of the playbook, once `minCompleted` are done. */
  longDuration: z.object({
    enabled: z.boolean(),
    percentile: z.number().min(0.5).max(1),
    minCompleted: z.number().int().min(1).max(1000),
  }),
  /** `slips` or more recorded slips. */
  repeatedSlips: z.object({ enabled: z.boolean(), slips: z.number().int().min(1).max(50) }),
});
export type DeliverySignalSettings = z.infer<typeof deliverySignalsSchema>;

const d = DEFAULT_THRESHOLDS;
export const DEFAULT_DELIVERY_SIGNALS: DeliverySignalSettings = {
  earlyChange: { enabled: true, days: d.earlyDays },
  concentratedWork: { enabled: true, share: d.concentrationShare },
  blockedTask: { enabled: true, workingDays: d.blockedWorkingDays },
  longDuration: { enabled: true, percentile: d.durationPercentile, minCompleted: d.minCompletedForDuration },
  repeatedSlips: { enabled: true, slips: d.repeatedSlips },
};

export const deliverySignalsSetting = defineSetting({
  key: 'delivery.signals',
  schema: deliverySignalsSchema,
  defaultValue: DEFAULT_DELIVERY_SIGNALS,
});

/** The rules' thresholds from the setting. Pure. */
export const thresholdsOf = (s: DeliverySignalSettings): SignalThresholds => ({
  concentrationShare: s.concentratedWork.share,
  blockedWorkingDays: s.blockedTask.workingDays,
  durationPercentile: s.longDuration.percentile,
  minCompletedForDuration: s.longDuration.minCompleted,
  repeatedSlips: s.repeatedSlips.slips,
  earlyDays: s.earlyChange.days,
});

const RULE_OF_KIND: Partial<Record<ProjectSignalKind, keyof DeliverySignalSettings>> = {
  'handoff.early_slip': 'earlyChange',
  'handoff.early_scope_change': 'earlyChange',
  'delivery.concentrated_work': 'concentratedWork',
  'delivery.blocked_task': 'blockedTask',
  'delivery.long_duration': 'longDuration',
  'ttv.repeated_slips': 'repeatedSlips',
};

/** Whether the rule raising `kind` is on (kinds without thresholds are always on). Pure. */
export const deliveryRuleOn = (s: DeliverySignalSettings, kind: ProjectSignalKind): boolean => {
  const rule = RULE_OF_KIND[kind];
  return rule === undefined || s[rule].enabled;
};
