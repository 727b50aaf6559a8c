/** The plays every workspace starts with, each under a stable key; people edit, version or disable them. */
import type { PlayDefinition } from './play.ts';

export const BUILTIN_PLAYS: Readonly<Record<string, PlayDefinition>> = {
  'hypercare-30': {
    name: '30-day hypercare after go-live',
    description: 'The first month live decides adoption: watch closely, fix fast, show first value.',
    trigger: { type: 'go_live', afterDays: 0 },
    tasks: [
      task(
        'Hold the go-live review with the customer team',
        'delivery_lead',
        2,
        'What works, what blocks, who uses it.',
      ),
      task('Weekly hypercare check-in', 'csm', 7, 'Tickets, active users and open issues since go-live.'),
      task('Confirm first value with the sponsor', 'csm', 21, 'Name the result the customer bought and show it.'),
      task('Close hypercare and hand over to steady state', 'csm', 30, 'Agree the success plan for the next quarter.'),
    ],
  },
  'renewal-review-120': {
    name: 'Renewal review at 120 days',
    description: 'Four months before the renewal: know the risk and the value story before the customer asks.',
    trigger: { type: 'renewal', daysBefore: 120 },
    tasks: [
      task('Review health, usage and open signals', 'csm', 7, 'Read the account page; list what could stop renewal.'),
      task('Agree the renewal strategy with the account manager', 'account_manager', 14, 'Price, term, expansion.'),
      task('Book the executive business review', 'csm', 30, 'Bring the outcomes delivered against the goals sold.'),
    ],
  },
  'sponsor-reengagement': {
    name: 'Executive sponsor re-engagement',
    description: 'The sponsor went quiet: reach them before the renewal does.',
    trigger: { type: 'signal', kind: 'renewal.sponsor_untouched', minSeverity: 'warning' },
    tasks: [
      {
        ...task('Email the sponsor for a check-in', 'csm', 2, 'Short, about their goals, not the product.'),
        emailTemplate:
          'Hi {{sponsor}}, it has been a while since we spoke. Could we take 20 minutes to review what your team ' +
          'has achieved and what matters to you next quarter?',
      },
      task('Hold the executive check-in', 'account_manager', 14, 'Bring the outcomes they bought; agree next steps.'),
    ],
  },
  'slip-recovery': {
    name: 'Recovery plan after a second slip',
    description: 'The go-live slipped again: agree a recovery plan with the sponsor before trust goes.',
    trigger: { type: 'signal', kind: 'ttv.repeated_slips', minSeverity: 'warning' },
    tasks: [
      task('Find the root cause of both slips', 'delivery_lead', 2, 'Scope, staffing, customer dependencies.'),
      task('Write the recovery plan with dates', 'delivery_lead', 5, 'The smallest path to first value first.'),
      task('Walk the sponsor through the plan', 'csm', 7, 'Say what changes and who owns each date.'),
    ],
  },
  'low-adoption-enablement': {
    name: 'Enablement for low adoption',
    description: 'Few licensed users are active: train the teams that bought it.',
    trigger: { type: 'signal', kind: 'adoption.low_active_users', minSeverity: 'warning' },
    tasks: [
      task('Find which teams are not using it and why', 'csm', 3, 'Ask the champion; read usage by team.'),
      task('Run enablement sessions', 'csm', 14, 'One per team, on their own use case.'),
      task('Check active users again', 'csm', 28, 'Compare with the count that raised the signal.'),
    ],
  },
  'expansion-healthy-60': {
    name: 'Expansion conversation after 60 healthy days',
    description: 'Live and healthy for two months: the moment to talk about the next team, module or term.',
    trigger: { type: 'healthy_after_go_live', days: 60 },
    tasks: [
      task('List the outcomes delivered since go-live', 'csm', 3, 'Numbers from usage and the success plan.'),
      task('Find the next team or use case with the champion', 'csm', 10, 'Who else has the same problem?'),
      task('Hold the expansion conversation', 'account_manager', 21, 'Bring the outcomes and a proposal.'),
    ],
  },
  'expansion-unentitled-feature': {
    name: 'Expansion conversation on a feature outside the plan',
    description: 'The customer uses a feature its plan does not include: they found value, now agree the plan.',
    trigger: { type: 'unentitled_feature' },
    tasks: [
      task('Check who uses the feature and for what', 'csm', 3, 'Usage by user; ask the champion what it solves.'),
      task('Propose the plan that includes it', 'account_manager', 10, 'Price the upgrade against the value seen.'),
    ],
  },
};

function task(title: string, role: PlayDefinition['tasks'][number]['role'], dueInDays: number, instructions: string) {
  return { title, role, userId: null, dueInDays, instructions, emailTemplate: null };
}
