/** When each demo customer's contract renews, by where it stands in the journey. Pure. */
import type { LifecyclePhase } from '../modules/accounts/index.ts';
import type { Random } from './random.ts';

/** Days from today to the renewal, by phase: renewing customers are inside the 120-day window. */
const RENEWAL_WINDOW: Readonly<Record<LifecyclePhase, readonly [number, number] | null>> = {
  onboarding: [300, 720],
  implementing: [200, 640],
  live: [20, 365],
  renewing: [5, 120],
  churned: null,
};

export function renewalDateFor(rng: Random, phase: LifecyclePhase, today: Date): string | null {
  const window = RENEWAL_WINDOW[phase];
  if (!window) return null;
  const days = rng.int(window[0], window[1]);
  return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + days))
    .toISOString()
    .slice(0, 10);
}
