/** The at-risk renewal rule of DESIGN §4 as Settings › Signal rules shows it, and its re-evaluation. */
import type { SignalRuleSet } from '../../../platform/modules/baton-module.ts';
import { evaluateRenewalSignals } from './renewal-signals.service.ts';
import { renewalThresholdsSetting } from './renewal-signals.settings.ts';

export const renewalSignalRules: SignalRuleSet = {
  setting: renewalThresholdsSetting,
  evaluate: (db, run) => evaluateRenewalSignals(db, run.caps, run.workspaceId, run.asOf),
  rules: [
    {
      key: 'atRiskRenewal',
      kinds: ['renewal.at_risk_renewal'],
      title: 'Renewal at risk',
      description:
        'A renewal within this many days and a health score below the one given, or churn risk in the riskiest ' +
        'deciles (1 is the riskiest tenth).',
      fields: [
        { name: 'withinDays', label: 'Days to renewal', unit: 'days', min: 1, max: 730, integer: true },
        { name: 'maxDecile', label: 'Riskiest deciles', unit: 'decile', min: 1, max: 10, integer: true },
        { name: 'maxHealthScore', label: 'Health score below', unit: 'score', min: 1, max: 100, integer: true },
      ],
    },
  ],
};
