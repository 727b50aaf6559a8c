/** The regulatory-change rule of DESIGN §4 as Settings › Signal rules shows it, and its re-evaluation. */
import type { SignalRuleSet } from '../../../platform/modules/baton-module.ts';
import { evaluateRegulatorySignals } from './regulatory.service.ts';
import { regulatorySignalsSetting } from './regulatory.settings.ts';

export const regulatorySignalRules: SignalRuleSet = {
  setting: regulatorySignalsSetting,
  evaluate: (db, run) => evaluateRegulatorySignals(db, run.caps, run.workspaceId, run.asOf),
  rules: [
    {
      key: 'reviewNeeded',
      kinds: ['regulatory.review_needed'],
      title: 'Regulatory change not reviewed',
      description:
        'An account in a regulatory event’s industries and regions, with no review linked, from this many days ' +
        'before the event takes effect.',
      fields: [
        { name: 'leadDays', label: 'Days before it takes effect', unit: 'days', min: 0, max: 730, integer: true },
      ],
    },
  ],
};
