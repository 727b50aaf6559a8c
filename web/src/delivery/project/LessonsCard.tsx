import { Alert, Anchor, Badge, Button, Group, Modal, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { AT_CLOSE, type Lesson, type LessonKind, lessonsAsked } from '../../../../src/modules/knowledge/lesson.ts';
import { api, ApiError, get } from '../../api/client.ts';
import { can } from '../../api/session.ts';
import type { Session } from '../../api/types.ts';
import { formatDate } from '../../ui/format.ts';
import type { ProjectDetail } from '../types.ts';

const KIND_LABELS: Record<LessonKind, string> = { lesson: 'Lesson', decision: 'Configuration decision' };

/**
 * What the project taught and the configuration decisions it took, filed at a milestone or at the close; the card
 * asks for them at each milestone done and at the close, and drafts a knowledge article from any of them.
 */
export function LessonsCard({ project, session }: { project: ProjectDetail; session: Session }) {
  const qc = useQueryClient();
  const key = ['lessons', project.id];
  const [form, setForm] = useState<{ kind: LessonKind; milestone: string; text: string } | null>(null);
  const lessons = useQuery({
    queryKey: key,
    queryFn: () => get<{ items: Lesson[] }>(`/api/v1/knowledge/projects/${project.id}/lessons`).then((r) => r.items),
  });
  const add = useMutation({
    mutationFn: (body: { kind: LessonKind; milestone: string; text: string }) =>
      api<Lesson>('POST', `/api/v1/knowledge/projects/${project.id}/lessons`, body),
    onSuccess: (l) => {
      setForm(null);
      qc.invalidateQueries({ queryKey: key });
      notifications.show({ color: 'teal', message: `${KIND_LABELS[l.kind]} recorded` });
    },
  });
  const draft = useMutation({
    mutationFn: (lessonId: string) =>
      api<{ id: string; title: string }>('POST', `/api/v1/knowledge/lessons/${lessonId}/article`),
    onSuccess: (a) => {
      qc.invalidateQueries({ queryKey: key });
      qc.invalidateQueries({ queryKey: ['knowledge'] });
      notifications.show({ color: 'teal', message: `Draft article “${a.title}” created in Knowledge` });
    },
    onError: (err: Error) => notifications.show({ color: 'red', message: err.message }),
  });
  const writable = can(session, 'knowledge:write');
  const milestoneName = new Map(project.milestones.map((m) => [m.id, m.name]));
  const where = (m: string) => (m === AT_CLOSE ? 'at the close' : `at ${milestoneName.get(m) ?? 'a milestone'}`);
  const items = lessons.data ?? [];
  const asks = lessons.isSuccess ? lessonsAsked(project, items) : [];
  const errors = add.error instanceof ApiError ? add.error.fieldErrors() : {};
  const open = (milestone: string) => {
    add.reset();
    setForm({ kind: 'lesson', milestone, text: '' });
  };
  const milestoneOptions = [
    ...project.milestones.map((m) => ({ value: m.id, label: m.name })),
    { value: AT_CLOSE, label: 'Project close' },
  ];
  return (
    <Paper withBorder p="md" data-testid="lessons">
      <Group justify="space-between" mb="xs">
        <Title order={5}>Lessons & decisions {items.length > 0 ? `(${items.length})` : ''}</Title>
        {writable && (
          <Button size="xs" variant="light" onClick={() => open(asks[0]?.milestone ?? AT_CLOSE)}>
            Add
          </Button>
        )}
      </Group>
      <Stack gap="xs">
        {asks.length > 0 && (
          <Alert color="blue" variant="light" title="The project asks what it taught" data-testid="lessons-asked">
            <Stack gap={4}>
              {asks.map((a) => (
                <Group key={a.milestone} justify="space-between" gap="xs" wrap="nowrap">
                  <Text size="sm">
                    {a.milestone === AT_CLOSE ? 'The project closed' : `${a.name} was done`} on {formatDate(a.on)}
                    {' and nothing was filed there yet.'}
                  </Text>
                  {writable && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      style={{ flexShrink: 0 }}
                      onClick={() => open(a.milestone)}
                    >
                      Record
                    </Button>
                  )}
                </Group>
              ))}
            </Stack>
          </Alert>
        )}
        {lessons.isError && (
          <Text size="sm" c="red">
            {lessons.error.message}
          </Text>
        )}
        {lessons.isSuccess && items.length === 0 && (
          <Text size="sm" c="dimmed">
            No lesson or decision recorded.
          </Text>
        )}
        {items.map((l) => (
          <div key={l.id} data-testid="lesson">
            <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
              <Stack gap={2} style={{ flex: 1 }}>
                <Group gap={6}>
                  <Badge size="sm" variant="light" color={l.kind === 'decision' ? 'grape' : 'blue'}>
                    {KIND_LABELS[l.kind]}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    {where(l.milestone)} · {l.author} · {formatDate(l.at)}
                  </Text>
                </Group>
                <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                  {l.text}
                </Text>
              </Stack>
              {l.articleId ? (
                <Anchor component={Link} to={`/knowledge/articles/${l.articleId}`} size="xs">
                  Its article
                </Anchor>
              ) : (
                writable && (
                  <Button
                    size="compact-xs"
                    variant="default"
                    loading={draft.isPending && draft.variables === l.id}
                    onClick={() => draft.mutate(l.id)}
                  >
                    Draft an article
                  </Button>
                )
              )}
            </Group>
          </div>
        ))}
      </Stack>
      <Modal opened={form !== null} onClose={() => setForm(null)} title="Record a lesson or decision">
        {form && (
          <Stack>
            <Select
              label="Kind"
              required
              allowDeselect={false}
              data={(Object.keys(KIND_LABELS) as LessonKind[]).map((k) => ({ value: k, label: KIND_LABELS[k] }))}
              value={form.kind}
              onChange={(v) => v && setForm({ ...form, kind: v as LessonKind })}
              error={errors.kind}
            />
            <Select
              label="Milestone"
              required
              allowDeselect={false}
              data={milestoneOptions}
              value={form.milestone}
              onChange={(v) => v && setForm({ ...form, milestone: v })}
              error={errors.milestone}
            />
            <Textarea
              label={form.kind === 'decision' ? 'What was decided, and why' : 'What the project taught'}
              description="The first line becomes the title of an article drafted from it."
              required
              autosize
              minRows={3}
              value={form.text}
              onChange={(e) => setForm({ ...form, text: e.currentTarget.value })}
              error={errors.text}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setForm(null)}>
                Cancel
              </Button>
              <Button loading={add.isPending} disabled={!form.text.trim()} onClick={() => add.mutate(form)}>
                Record
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Paper>
  );
}
