/** The usage rules of DESIGN §4 (adoption and erosion sources) as Settings › Signal rules shows them. */
import type { SignalRuleSet } from '../../../platform/modules/baton-module.ts';
import { evaluateUsageSignals } from './usage-signals.service.ts';
import { usageThresholdsSetting } from './usage-signals.settings.ts';

const days = (name: string, label: string) => ({ name, label, unit: 'days', min: 1, max: 365, integer: true }) as const;
const count = (name: string, label: string) =>
  ({ name, label, unit: 'count', min: 0, max: 1_000_000, integer: true }) as const;
const topUsers = { name: 'topUsers', label: 'Top users', unit: 'count', min: 1, max: 20, integer: true } as const;

export const usageSignalRules: SignalRuleSet = {
  setting: usageThresholdsSetting,
  evaluate: (db, run) => evaluateUsageSignals(db, run.caps, run.workspaceId, run.asOf),
  rules: [
    {
      key: 'lowActiveUsers',
      kinds: ['adoption.low_active_users'],
      title: 'Few active users',
      description: '30-day active users per licensed seat below the share given, once live this many days.',
      fields: [
        { name: 'minRate', label: 'Lowest active share', unit: 'share', min: 0, max: 1 },
        days('liveDays', 'Days live first'),
      ],
    },
    {
      key: 'concentration',
      kinds: ['adoption.concentrated_usage'],
      title: 'Usage concentrated in a few users',
      description: 'The top users make more than the share given of 30 days’ events.',
      fields: [
        topUsers,
        { name: 'maxShare', label: 'Largest share of events', unit: 'share', min: 0, max: 1 },
        count('minEvents', 'Fewest events judged'),
      ],
    },
    {
      key: 'decline',
      kinds: ['adoption.declining_usage'],
      title: 'Declining active users',
      description: 'Active users over four weeks down by more than this percentage.',
      fields: [
        { name: 'dropPct', label: 'Drop', unit: 'percent', min: 0, max: 100 },
        count('minPreviousUsers', 'Fewest users before'),
      ],
    },
    {
      key: 'knowledge',
      kinds: ['knowledge.key_user_inactive'],
      title: 'Key user gone quiet',
      description: 'A champion or top user inactive for this many days.',
      fields: [days('inactiveDays', 'Days inactive'), topUsers, days('lookbackDays', 'Days looked back')],
    },
    {
      key: 'volume',
      kinds: ['business.volume_shift'],
      title: 'Usage volume shift',
      description: 'Weekly usage volume moved by more than this percentage against its baseline.',
      fields: [
        { name: 'changePct', label: 'Change', unit: 'percent', min: 0, max: 1000 },
        { name: 'baselineWeeks', label: 'Baseline weeks', unit: 'count', min: 1, max: 26, integer: true },
        count('minBaselineWeekly', 'Fewest weekly events in the baseline'),
      ],
    },
    {
      key: 'release',
      kinds: ['release.underused_feature'],
      title: 'Released feature underused',
      description: 'A feature released this many days ago used by less than the share given of entitled accounts.',
      fields: [
        days('afterDays', 'Days since release'),
        { name: 'minShare', label: 'Lowest share using it', unit: 'share', min: 0, max: 1 },
        count('minAccounts', 'Fewest entitled accounts'),
      ],
    },
    {
      key: 'integration',
      kinds: ['integration.error_spike', 'integration.no_recent_sync'],
      title: 'Integration decay',
      description: 'Sync errors up by this multiple of their baseline, or no successful sync for this many days.',
      fields: [
        { name: 'spikeFactor', label: 'Error rate multiple', unit: 'times', min: 1, max: 100 },
        days('baselineDays', 'Baseline days'),
        count('minReports', 'Fewest reports'),
        count('minErrors', 'Fewest errors'),
        days('noSyncDays', 'Days without a successful sync'),
      ],
    },
  ],
};
