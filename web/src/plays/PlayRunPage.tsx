import { Alert, Anchor, Badge, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link as RouterLink, useParams } from 'react-router';
import { api, get } from '../api/client.ts';
import { can } from '../api/session.ts';
import type { Session } from '../api/types.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { formatDate } from '../ui/format.ts';
import { type PlayRun, ROLE_WORDS, STATUS_WORDS } from './plays.types.ts';

/** One run of a play: what started it, its tasks with who does each by when, and its outcome once judged. */
export function PlayRunPage({ session }: { session: Session }) {
  const { runId = '' } = useParams();
  const qc = useQueryClient();
  const run = useQuery({ queryKey: ['play-run', runId], queryFn: () => get<PlayRun>(`/api/v1/play-runs/${runId}`) });
  const act = useMutation({
    mutationFn: (i: { taskId: string; action: 'complete' | 'reopen' }) =>
      api<PlayRun>('POST', `/api/v1/play-tasks/${i.taskId}/${i.action}`),
    onSuccess: () => void qc.invalidateQueries(),
    onError: (err) => notifications.show({ color: 'red', message: err.message }),
  });
  if (run.isPending) return <Loader aria-label="Loading the run" />;
  if (run.isError) return <ErrorState error={run.error} />;
  const r = run.data;
  const writable = can(session, 'signals:write') && r.status !== 'ended';
  const done = r.tasks.filter((t) => t.doneAt).length;
  return (
    <Stack>
      <Anchor component={RouterLink} to={`/my-work/plays/${r.playId}`}>
        ← {r.playName}
      </Anchor>
      <Title order={2}>
        {r.playName} on {r.account.name}
      </Title>
      <Text data-testid="run-summary">
        {`Started on ${formatDate(r.startedOn)} (${r.trigger}); ${done} of ${r.tasks.length} tasks done. `}
        {STATUS_WORDS[r.status]}
        {r.endReason && r.status === 'ended' ? `: ${r.endReason}.` : '.'}
      </Text>
      {r.outcome && (
        <Alert color={r.outcome.success ? 'teal' : 'orange'} variant="light" title="Outcome">
          {r.outcome.sentence}
        </Alert>
      )}
      {r.tasks.map((t) => (
        <Paper key={t.id} withBorder p="sm" component="article" aria-label={t.title}>
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Stack gap={2}>
              <Group gap="xs">
                {t.doneAt ? (
                  <Badge color="teal" variant="light">
                    done
                  </Badge>
                ) : (
                  <Badge color="blue" variant="light">
                    due {formatDate(t.due)}
                  </Badge>
                )}
                <Text fw={600}>{t.title}</Text>
              </Group>
              <Text size="sm">{t.instructions}</Text>
              <Text size="sm" c="dimmed">
                {t.role ? ROLE_WORDS[t.role] : t.assigneeUserId ? 'A named person' : 'Nobody'}
                {t.assignmentNote ? `: ${t.assignmentNote}` : ''}
                {t.doneAt ? `; done on ${formatDate(t.doneAt)} by ${t.doneBy ?? 'someone'}` : ''}
              </Text>
              {t.emailTemplate && (
                <Text size="sm" component="blockquote" style={{ whiteSpace: 'pre-wrap' }}>
                  {t.emailTemplate}
                </Text>
              )}
            </Stack>
            {writable && (
              <Button
                size="xs"
                variant={t.doneAt ? 'default' : 'filled'}
                loading={act.isPending && act.variables?.taskId === t.id}
                aria-label={`${t.doneAt ? 'Reopen' : 'Complete'}: ${t.title}`}
                onClick={() => act.mutate({ taskId: t.id, action: t.doneAt ? 'reopen' : 'complete' })}
              >
                {t.doneAt ? 'Reopen' : 'Complete'}
              </Button>
            )}
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
