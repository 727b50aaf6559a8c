/**
 * The plays the demo's team wrote for itself (pure data), beside the built-in ones: a welcome at each project's
 * kickoff, a word with the sponsor when a customer reaches first value, and a call with a team new to an account.
 */
import type { PlayDefinition } from '../modules/plays/index.ts';

const task = (
  title: string,
  role: 'delivery_lead' | 'csm' | 'account_manager',
  dueInDays: number,
  instructions: string,
) => ({ title, role, userId: null, dueInDays, instructions, emailTemplate: null }) as const;

export const DEMO_PLAYS: readonly PlayDefinition[] = [
  {
    name: 'Kickoff welcome',
    description: 'The first week sets the tone: the customer meets everyone who will help them, and knows the plan.',
    trigger: { type: 'kickoff' },
    tasks: [
      task('Send the welcome pack and the project plan', 'delivery_lead', 1, 'Dates, owners and the first milestone.'),
      task('Introduce customer success to the sponsor', 'csm', 3, 'Who they will work with after go-live, and why.'),
      task('Agree the first-value target with the sponsor', 'csm', 10, 'The first result they want to see, by when.'),
    ],
  },
  {
    name: 'First value: tell the sponsor',
    description: 'The customer saw their first result: make sure the sponsor hears it, and write it down.',
    trigger: { type: 'first_value' },
    tasks: [
      {
        ...task('Congratulate the sponsor on the first result', 'csm', 2, 'Name the result and who made it happen.'),
        emailTemplate:
          'Hi {{sponsor}}, your team published its first report this week. Could we take 15 minutes to look at what ' +
          'it shows and what you want to see next?',
      },
      task('Record the first value in the success plan', 'csm', 7, 'What, when, and what comes next.'),
      task('Ask the champion for a quote', 'account_manager', 21, 'One sentence on what changed for their team.'),
    ],
  },
  {
    name: 'New team onboarding',
    description: 'A team new to the account started using the product: help them succeed, and learn what they need.',
    trigger: { type: 'new_team_active', minUsers: 2 },
    tasks: [
      task('Find out who the new team is and what they use', 'csm', 3, 'Ask the champion; read their usage.'),
      task('Offer the new team an enablement session', 'csm', 10, 'On their own use case, not a product tour.'),
      task('Talk seats and plan with the account manager', 'account_manager', 21, 'Licensed seats against users.'),
    ],
  },
];
