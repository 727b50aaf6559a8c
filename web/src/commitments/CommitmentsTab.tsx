import { SegmentedControl, Stack, Text } from '@mantine/core';
import { useNavigate } from 'react-router';
import type { Session } from '../api/types.ts';
import { ExposureView } from './ExposureView.tsx';
import { LedgerView } from './LedgerView.tsx';
import { ReviewView } from './ReviewView.tsx';

const VIEWS = [
  { value: 'ledger', label: 'Ledger' },
  { value: 'review', label: 'Product review' },
  { value: 'exposure', label: 'Exposure report' },
] as const;

/**
 * The commitments ledger in Deals & handoffs: every promise made in the sale, product's answers to them, and
 * the exposure report. Each view is a route: /deals/commitments[/review|/exposure].
 */
export function CommitmentsTab({ session, subPath }: { session: Session; subPath: string }) {
  const navigate = useNavigate();
  const view = VIEWS.find((v) => v.value === subPath.split('/')[0])?.value ?? 'ledger';
  return (
    <Stack>
      <Text c="dimmed" size="sm">
        Promises made to customers in the sale, in the words they heard. A promise is exposed when product's status is
        weaker than those words.
      </Text>
      <SegmentedControl
        w="fit-content"
        value={view}
        onChange={(v) => navigate(v === 'ledger' ? '/deals/commitments' : `/deals/commitments/${v}`)}
        data={VIEWS.map((v) => ({ value: v.value, label: v.label }))}
        data-testid="commitments-views"
      />
      {view === 'ledger' && <LedgerView session={session} />}
      {view === 'review' && <ReviewView session={session} />}
      {view === 'exposure' && <ExposureView />}
    </Stack>
  );
}
