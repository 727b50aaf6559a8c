/** The relationship rules of DESIGN §4 as Settings › Signal rules shows them, and their re-evaluation. */
import type { SignalRuleSet } from '../../../platform/modules/baton-module.ts';
import { evaluateRelationshipSignals } from './relationship-signals.service.ts';
import { relationshipThresholdsSetting } from './relationship-signals.settings.ts';

export const relationshipSignalRules: SignalRuleSet = {
  setting: relationshipThresholdsSetting,
  evaluate: (db, run) => evaluateRelationshipSignals(db, run.caps, run.workspaceId, run.now),
  rules: [
    {
      key: 'sponsorUntouched',
      kinds: ['renewal.sponsor_untouched'],
      title: 'Executive sponsor untouched',
      description: 'No meeting, call or email with the executive sponsor for this many days.',
      fields: [{ name: 'days', label: 'Days without a touch', unit: 'days', min: 1, max: 730, integer: true }],
    },
    {
      key: 'detractor',
      kinds: ['renewal.detractor'],
      title: 'Detractor sponsor or champion',
      description: 'The latest NPS answer of a sponsor or champion is at or below this score.',
      fields: [{ name: 'maxScore', label: 'Highest detractor score', unit: 'score', min: 0, max: 9, integer: true }],
    },
    {
      key: 'financeInDelivery',
      kinds: ['relationship.finance_in_delivery'],
      title: 'Finance in the conversation before go-live',
      description: 'A touch with finance, procurement or legal within this many days while the account is in delivery.',
      fields: [{ name: 'lookbackDays', label: 'Days looked back', unit: 'days', min: 1, max: 730, integer: true }],
    },
    {
      key: 'touchSurge',
      kinds: ['relationship.touch_surge'],
      title: 'Touch surge',
      description: 'Touches in the recent window above a multiple of the usual pace over the baseline before it.',
      fields: [
        { name: 'recentDays', label: 'Recent window', unit: 'days', min: 1, max: 90, integer: true },
        { name: 'baselineDays', label: 'Baseline window', unit: 'days', min: 1, max: 730, integer: true },
        { name: 'factor', label: 'Multiple of the usual pace', unit: 'times', min: 1, max: 100 },
        { name: 'minTouches', label: 'Fewest recent touches', unit: 'count', min: 1, max: 10_000, integer: true },
      ],
    },
  ],
};
