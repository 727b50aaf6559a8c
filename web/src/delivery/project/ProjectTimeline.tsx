import {
  Badge,
  Button,
  Group,
  Paper,
  ScrollArea,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, get } from '../../api/client.ts';
import { can } from '../../api/session.ts';
import type { Session } from '../../api/types.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { describeEvent, EVENT_COLORS } from '../event-text.ts';
import type { ProjectDetail, ProjectEvent } from '../types.ts';

const LENSES: Record<string, (e: ProjectEvent) => boolean> = {
  all: () => true,
  comments: (e) => e.kind === 'comment',
  customer: (e) => e.actorKind === 'customer',
  forecast: (e) =>
    e.kind === 'forecast_changed' || e.kind === 'slipped' || e.kind === 'slip_explained' || e.kind === 'scope_changed',
};

/** Everything that happened to the project, newest first: people, the customer and the forecast, with a comment box. */
export function ProjectTimeline({ project, session }: { project: ProjectDetail; session: Session }) {
  const qc = useQueryClient();
  const [lens, setLens] = useState('all');
  const [text, setText] = useState('');
  const events = useQuery({
    queryKey: ['project-timeline', project.id, project.version],
    queryFn: () =>
      get<{ items: ProjectEvent[] }>(`/api/v1/projects/${project.id}/timeline?limit=500`).then((r) => r.items),
  });
  const comment = useMutation({
    mutationFn: () => api<void>('POST', `/api/v1/projects/${project.id}/comments`, { text: text.trim() }),
    onSuccess: () => {
      setText('');
      qc.invalidateQueries({ queryKey: ['project-timeline', project.id] });
      notifications.show({ color: 'teal', message: 'Comment added' });
    },
    onError: (err: Error) => notifications.show({ color: 'red', message: err.message }),
  });
  const taskName = new Map(project.tasks.map((t) => [t.id, t.name]));
  const shown = (events.data ?? []).filter(LENSES[lens] ?? LENSES.all!);
  return (
    <Paper withBorder p="md" data-testid="project-timeline">
      <Group justify="space-between" mb="xs">
        <Title order={5}>Project timeline</Title>
        <SegmentedControl
          size="xs"
          value={lens}
          onChange={setLens}
          data={[
            { value: 'all', label: 'All' },
            { value: 'comments', label: 'Comments' },
            { value: 'customer', label: 'Customer' },
            { value: 'forecast', label: 'Forecast' },
          ]}
        />
      </Group>
      {can(session, 'projects:write') && (
        <Stack gap="xs" mb="sm">
          <Textarea
            placeholder="Write a comment for the team (the customer sees it in the portal)"
            autosize
            minRows={2}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            aria-label="Comment"
          />
          <Button
            size="xs"
            w="fit-content"
            onClick={() => comment.mutate()}
            loading={comment.isPending}
            disabled={!text.trim()}
          >
            Comment
          </Button>
        </Stack>
      )}
      {events.isError && <ErrorState error={events.error} />}
      <ScrollArea.Autosize mah={520}>
        <Timeline bulletSize={12} lineWidth={2}>
          {shown.map((e) => (
            <Timeline.Item
              key={e.id}
              color={EVENT_COLORS[e.kind] ?? (e.actorKind === 'customer' ? 'violet' : 'gray')}
              data-testid="timeline-event"
              data-kind={e.kind}
            >
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {describeEvent(e.kind, e.detail)}
              </Text>
              <Group gap={6}>
                {e.actorKind === 'customer' && (
                  <Badge size="xs" color="violet" variant="light">
                    customer
                  </Badge>
                )}
                <Text size="xs" c="dimmed">
                  {e.actor} · {formatDateTime(e.at)}
                  {e.taskId && e.kind === 'comment' && taskName.get(e.taskId)
                    ? ` · on “${taskName.get(e.taskId)}”`
                    : ''}
                </Text>
              </Group>
            </Timeline.Item>
          ))}
        </Timeline>
        {!events.isPending && shown.length === 0 && (
          <Text size="sm" c="dimmed">
            Nothing here yet.
          </Text>
        )}
      </ScrollArea.Autosize>
    </Paper>
  );
}
