import { useQuery } from '@tanstack/react-query';
import { get, query } from '../../api/client.ts';
import { can } from '../../api/session.ts';
import type { Page, Session, Signal } from '../../api/types.ts';
import { SignalAlerts } from '../../signals/SignalList.tsx';

/** The open warnings about this project: the account's signals whose evidence names it. */
export function ProjectSignals({
  projectId,
  accountId,
  session,
}: {
  projectId: string;
  accountId: string;
  session: Session;
}) {
  const signals = useQuery({
    queryKey: ['signals', 'project', projectId, accountId],
    queryFn: async () =>
      (await get<Page<Signal>>(`/api/v1/signals${query({ accountId, status: 'open', limit: 200 })}`)).items.filter(
        (s) => s.evidence.projectId === projectId,
      ),
    enabled: can(session, 'accounts:read'),
  });
  return <SignalAlerts signals={signals.data ?? []} testId="project-signals" />;
}
