/** The delivery rules of DESIGN §4 (stages 1 to 3) as Settings › Signal rules shows them, and their re-evaluation. */
import type { SignalRuleSet } from '../../../platform/modules/baton-module.ts';
import { evaluateWorkspaceProjectSignals } from './project-signals.service.ts';
import { deliverySignalsSetting } from './project-signals.settings.ts';

export const deliverySignalRules: SignalRuleSet = {
  setting: deliverySignalsSetting,
  evaluate: (db, run) => evaluateWorkspaceProjectSignals(db, run.workspaceId, run.asOf),
  rules: [
    {
      key: 'earlyChange',
      kinds: ['handoff.early_slip', 'handoff.early_scope_change'],
      title: 'Early slip or scope change',
      description: 'The forecast slipped or the scope changed within this many days of kickoff.',
      fields: [{ name: 'days', label: 'Days after kickoff', unit: 'days', min: 1, max: 180, integer: true }],
    },
    {
      key: 'concentratedWork',
      kinds: ['delivery.concentrated_work'],
      title: 'Work concentrated on one person',
      description: 'One person carries more than this share of the open critical-path effort.',
      fields: [{ name: 'share', label: 'Largest share', unit: 'share', min: 0, max: 1 }],
    },
    {
      key: 'blockedTask',
      kinds: ['delivery.blocked_task'],
      title: 'Task blocked too long',
      description: 'A task blocked for more than this many working days.',
      fields: [{ name: 'workingDays', label: 'Working days blocked', unit: 'days', min: 1, max: 260, integer: true }],
    },
    {
      key: 'longDuration',
      kinds: ['delivery.long_duration'],
      title: 'Projected duration long',
      description: 'Projected longer than this percentile of completed projects from the same playbook.',
      fields: [
        { name: 'percentile', label: 'Percentile', unit: 'share', min: 0.5, max: 1 },
        { name: 'minCompleted', label: 'Fewest completed projects', unit: 'count', min: 1, max: 1000, integer: true },
      ],
    },
    {
      key: 'repeatedSlips',
      kinds: ['ttv.repeated_slips'],
      title: 'Repeated slips',
      description: 'The go-live slipped this many times or more.',
      fields: [{ name: 'slips', label: 'Slips', unit: 'count', min: 1, max: 50, integer: true }],
    },
  ],
};
