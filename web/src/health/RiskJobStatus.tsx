import { Alert, Group, Loader, Text } from '@mantine/core';
import { ApiError } from '../api/client.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import type { useRiskJob } from './useRiskJob.ts';

const WHAT = { 'health.risk.backtest': 'The backtest', 'health.risk.score': 'The scoring' } as const;

/** Where a started job stands: working, done, refused with the reason (e.g. too little history), or failed. */
export function RiskJobStatus({ run }: { run: ReturnType<typeof useRiskJob> }) {
  if (run.error && !(run.error instanceof ApiError && run.error.status === 404))
    return <ErrorState error={run.error} />;
  const job = run.job;
  if (run.running)
    return (
      <Group gap="xs" role="status" data-testid="risk-job-running">
        <Loader size="xs" aria-hidden />
        <Text size="sm">{job ? WHAT[job.type] : 'The job'} is running; this page updates when it ends.</Text>
      </Group>
    );
  if (!job) return null;
  if (job.state === 'refused')
    return (
      <Alert color="yellow" title={`${WHAT[job.type]} could not run`} data-testid="risk-job-refused" role="status">
        {job.refusal?.message} ({job.refusal?.field})
      </Alert>
    );
  if (job.state === 'failed')
    return (
      <Alert color="red" title={`${WHAT[job.type]} failed`} role="status">
        {job.error ?? 'It failed; an admin sees why under Settings → Jobs.'}
      </Alert>
    );
  return (
    <Text size="sm" c="teal.9" role="status" data-testid="risk-job-done">
      {WHAT[job.type]} is done.
    </Text>
  );
}
