/** The revenue rules of DESIGN §4 as Settings › Signal rules shows them, and their re-evaluation. */
import type { SignalRuleSet } from '../../../platform/modules/baton-module.ts';
import { evaluateRevenueSignals } from './revenue-signals.service.ts';
import { revenueThresholdsSetting } from './revenue-signals.settings.ts';

export const revenueSignalRules: SignalRuleSet = {
  setting: revenueThresholdsSetting,
  evaluate: (db, run) => evaluateRevenueSignals(db, run.workspaceId, run.asOf),
  rules: [
    {
      key: 'contraction',
      kinds: ['renewal.contraction'],
      title: 'Contraction',
      description: 'ARR is down against its value this many days ago by more than the share given (and not to zero).',
      fields: [
        { name: 'lookbackDays', label: 'Days looked back', unit: 'days', min: 1, max: 730, integer: true },
        { name: 'minDropShare', label: 'Smallest drop', unit: 'share', min: 0, max: 1 },
      ],
    },
    {
      key: 'noExpansion',
      kinds: ['renewal.no_expansion'],
      title: 'No expansion',
      description: 'Under contract this many months and ARR never above what the first subscription started at.',
      fields: [{ name: 'months', label: 'Months under contract', unit: 'months', min: 1, max: 120, integer: true }],
    },
  ],
};
