/**
 * The stale-onboarding-materials rule (DESIGN §4, stage 4) as Settings › Signal rules shows it, and its re-evaluation.
 */
import type { SignalRuleSet } from '../../../platform/modules/baton-module.ts';
import { evaluateKnowledgeSignals } from './materials-stale.service.ts';
import { knowledgeThresholdsSetting } from './materials-stale.settings.ts';

export const knowledgeSignalRules: SignalRuleSet = {
  setting: knowledgeThresholdsSetting,
  evaluate: (db, run) => evaluateKnowledgeSignals(db, run.workspaceId, run.asOf),
  rules: [
    {
      key: 'materialsStale',
      kinds: ['knowledge.materials_stale'],
      title: 'Onboarding materials not updated since kickoff',
      description:
        'A project in delivery, or live for at most this many days, whose playbook’s articles (tagged ' +
        'playbook:<key>) were all last updated before it kicked off.',
      fields: [{ name: 'daysAfterGoLive', label: 'Days after go-live', unit: 'days', min: 0, max: 365, integer: true }],
    },
  ],
};
