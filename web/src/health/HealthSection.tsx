import type { Session } from '../api/types.ts';
import { RoutedTabs } from '../ui/RoutedTabs.tsx';
import { AtRiskTab } from './AtRiskTab.tsx';
import { RenewalsTab } from './RenewalsTab.tsx';
import { RiskModelTab } from './RiskModelTab.tsx';
import { ScoresTab } from './ScoresTab.tsx';

/**
 * Health: the accounts whose renewal is at risk, health scores by band, the renewals coming up by ARR at risk, and
 * the churn-risk model's backtest.
 */
export function HealthSection({ session }: { session: Session }) {
  return (
    <RoutedTabs
      title="Health"
      base="/health"
      tabs={[
        { value: 'at-risk', label: 'At risk', permission: 'health:read', Tab: AtRiskTab },
        { value: 'scores', label: 'Scores', permission: 'health:read', Tab: ScoresTab },
        { value: 'renewals', label: 'Renewals', permission: 'health:read', Tab: RenewalsTab },
        { value: 'model', label: 'Risk model', permission: 'health:read', Tab: RiskModelTab },
      ]}
      session={session}
      empty="Your role does not see churn risk."
    />
  );
}
