import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, get } from '../api/client.ts';
import type { RiskJob } from './types.ts';

/**
 * Starts a churn-risk job (the backtest or the scoring) and follows it every second until it ends, then refreshes
 * the risk answers. The job's refusal (too little history) comes back as the job's state, to be shown.
 */
export function useRiskJob(url: '/api/v1/health/risk/backtest' | '/api/v1/health/risk/score') {
  const qc = useQueryClient();
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useMutation({
    mutationFn: () => api<{ jobId: string }>('POST', url, {}),
    onSuccess: (answer) => setJobId(answer.jobId),
  });
  const job = useQuery({
    queryKey: ['health', 'job', jobId],
    queryFn: async () => {
      const j = await get<RiskJob>(`/api/v1/health/risk/jobs/${jobId}`);
      if (j.state === 'done') await qc.invalidateQueries({ queryKey: ['health', 'risk'] });
      return j;
    },
    enabled: jobId !== null,
    refetchInterval: (q) => (q.state.data && !['queued', 'running'].includes(q.state.data.state) ? false : 1000),
  });
  const running = start.isPending || (jobId !== null && (!job.data || ['queued', 'running'].includes(job.data.state)));
  return { start: () => start.mutate(), running, job: job.data ?? null, error: start.error ?? job.error };
}
