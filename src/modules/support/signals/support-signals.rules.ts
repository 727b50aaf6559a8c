/** The support-overload rules of DESIGN §4 as Settings › Signal rules shows them, and their re-evaluation. */
import type { SignalRuleSet } from '../../../platform/modules/baton-module.ts';
import { evaluateSupportSignals } from './support-signals.service.ts';
import { supportThresholdsSetting } from './support-signals.settings.ts';

export const supportSignalRules: SignalRuleSet = {
  setting: supportThresholdsSetting,
  evaluate: (db, run) => evaluateSupportSignals(db, run.workspaceId, run.asOf),
  rules: [
    {
      key: 'surgeAfterGoLive',
      kinds: ['support.ticket_surge_after_go_live'],
      title: 'Ticket surge after go-live',
      description:
        'Tickets per 100 licensed seats in the first 30 days after a recent go-live above this many times the ' +
        'workspace’s median first month.',
      fields: [
        { name: 'factor', label: 'Times the median', unit: 'times', min: 1, max: 100 },
        { name: 'minTickets', label: 'Fewest tickets', unit: 'count', min: 1, max: 10_000, integer: true },
        { name: 'withinDays', label: 'Go-live within', unit: 'days', min: 30, max: 730, integer: true },
      ],
    },
    {
      key: 'howToHeavy',
      kinds: ['support.how_to_heavy'],
      title: 'Mostly "how do I" tickets',
      description: 'More than this share of the recent tickets ask how to do something: enablement, not bugs.',
      fields: [
        { name: 'lookbackDays', label: 'Days looked back', unit: 'days', min: 7, max: 365, integer: true },
        { name: 'minShare', label: 'Largest how-to share', unit: 'share', min: 0, max: 1 },
        { name: 'minTickets', label: 'Fewest tickets', unit: 'count', min: 1, max: 10_000, integer: true },
      ],
    },
  ],
};
