import { type DemoAccount, type DemoData, DEMO_WORKSPACE_NAME } from './demo.ts';
import { assignOwners } from './owners.ts';
import { generateProfiles } from './profiles.ts';
import { createRandom } from './random.ts';
import { renewalDateFor } from './renewals.ts';
import { generateDemoDeals } from './deals.ts';
import { generateDemoCommitments } from './commitments.ts';
import { generateDemoContractTerms } from './contract-terms.ts';
import { generateTeam } from './staff.ts';
import { generateStakeholders } from './stakeholders.ts';

export const DEMO_ACCOUNT_COUNT = 200;

/**
 * The demo workspace's people, partner firms and customers as plain data. Pure and deterministic:
 * the same seed and the same `today` give the same result. Dates are relative to `today`.
 */
export function generateDemo(seed = 42, today: Date): DemoData {
  const rng = createRandom(seed);
  const { staff, partners } = generateTeam(rng);
  const profiles = generateProfiles(rng, DEMO_ACCOUNT_COUNT);
  const owners = assignOwners(rng, profiles, staff, partners);
  // A stream of its own, so that adding renewals did not reshuffle the customers generated before them.
  const renewalRng = createRandom(seed ^ 0x5eed);
  const accounts = profiles.map((profile, i): DemoAccount => ({
    ...profile,
    owners: owners[i] ?? { ae: null, deliveryLead: null, csm: null, accountManager: null, partner: null },
    contacts: generateStakeholders(rng, profile, today),
    renewalDate: renewalDateFor(renewalRng, profile.lifecyclePhase, today),
  }));
  // Deals draw from a stream of their own too.
  const deals = generateDemoDeals(createRandom(seed ^ 0xdea1), accounts, staff, today);
  // Promises are tied to the won deals they were made in (a stream of their own as well).
  const wonDeals = deals
    .filter((d) => d.record.stage === 'closedwon' && !d.reopens)
    .map((d) => ({
      accountName: d.accountName,
      source: d.record.source,
      externalId: d.record.externalId,
      signedDate: d.record.signedDate,
      amount: d.record.amount,
    }));
  const commitments = generateDemoCommitments(seed, accounts, staff, today, wonDeals);
  const contractTerms = generateDemoContractTerms(seed, wonDeals);
  return { workspaceName: DEMO_WORKSPACE_NAME, staff, partners, accounts, deals, commitments, contractTerms };
}
