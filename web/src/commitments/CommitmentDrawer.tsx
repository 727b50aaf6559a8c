import {
  Alert,
  Anchor,
  Badge,
  Button,
  Drawer,
  Group,
  Loader,
  Stack,
  Text,
  Textarea,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError, get } from '../api/client.ts';
import { can } from '../api/session.ts';
import type { Commitment, Session, StatusChange } from '../api/types.ts';
import { confirmAction } from '../ui/confirm.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { formatDate, formatDateTime } from '../ui/format.ts';
import { STATUS_COLORS, STATUS_LABELS } from './labels.ts';
import { StrengthBadge } from './WordsReading.tsx';

type Detail = Commitment & { history: StatusChange[] };

const isUrl = (text: string) => /^https?:\/\//.test(text);

/** One promise: what, to whom, the words, product's answers over time; writers edit it, and delete it while unreviewed. */
export function CommitmentDrawer({
  id,
  session,
  onClose,
}: {
  id: string | null;
  session: Session;
  onClose: () => void;
}) {
  const qc = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [form, setForm] = useState({ what: '', words: '', dueDate: '', roadmapItem: '' });
  const detail = useQuery({
    queryKey: ['commitments', 'one', id],
    queryFn: () => get<Detail>(`/api/v1/commitments/${id}`),
    enabled: id !== null,
  });
  const refresh = () => {
    qc.invalidateQueries({ queryKey: ['commitments'] });
    qc.invalidateQueries({ queryKey: ['commitment-exposure'] });
  };
  const save = useMutation({
    mutationFn: () =>
      api<Commitment>('PATCH', `/api/v1/commitments/${id}`, {
        what: form.what,
        words: form.words,
        dueDate: form.dueDate || null,
        roadmapItem: form.roadmapItem || null,
      }),
    onSuccess: () => {
      refresh();
      setEditing(false);
      notifications.show({ color: 'teal', message: 'Promise updated' });
    },
  });
  const remove = useMutation({
    mutationFn: () => api<void>('DELETE', `/api/v1/commitments/${id}`),
    onSuccess: () => {
      refresh();
      onClose();
      notifications.show({ color: 'teal', message: 'Promise deleted' });
    },
    onError: (err) => notifications.show({ color: 'red', message: err.message }),
  });
  const c = detail.data;
  const errors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const startEdit = (d: Detail) => {
    setForm({ what: d.what, words: d.words, dueDate: d.dueDate ?? '', roadmapItem: d.roadmapItem ?? '' });
    setEditing(true);
  };
  return (
    <Drawer
      opened={id !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={c ? (c.accountName ?? 'Promise') : 'Promise'}
      data-testid="commitment-drawer"
    >
      {detail.isPending && id !== null && <Loader />}
      {detail.isError && <ErrorState error={detail.error} />}
      {c && (
        <Stack>
          {c.exposed && (
            <Alert color="orange" variant="light" title="Exposed">
              {c.exposure}
            </Alert>
          )}
          {c.overdue && (
            <Alert color="red" variant="light" title="Overdue">
              Due {formatDate(c.dueDate)}, {c.daysOverdue} days ago, and not shipped.
            </Alert>
          )}
          {editing ? (
            <Stack gap="xs">
              <Textarea
                label="What was promised"
                autosize
                value={form.what}
                onChange={(e) => setForm({ ...form, what: e.currentTarget.value })}
                error={errors.what}
              />
              <TextInput
                label="The words used"
                value={form.words}
                onChange={(e) => setForm({ ...form, words: e.currentTarget.value })}
                error={errors.words}
              />
              <TextInput
                label="Due date"
                type="date"
                value={form.dueDate}
                onChange={(e) => setForm({ ...form, dueDate: e.currentTarget.value })}
                error={errors.dueDate}
              />
              <TextInput
                label="Roadmap item"
                value={form.roadmapItem}
                onChange={(e) => setForm({ ...form, roadmapItem: e.currentTarget.value })}
                error={errors.roadmapItem}
              />
              {save.isError && Object.keys(errors).length === 0 && (
                <Text c="red" size="sm">
                  {save.error.message}
                </Text>
              )}
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setEditing(false)}>
                  Cancel
                </Button>
                <Button onClick={() => save.mutate()} loading={save.isPending}>
                  Save
                </Button>
              </Group>
            </Stack>
          ) : (
            <Stack gap={6}>
              <Title order={4}>{c.what}</Title>
              <Text size="sm">
                To <b>{c.toName}</b>
                {c.dealName ? ` in the deal ${c.dealName}` : ''}, by {c.madeBy.label} on {formatDate(c.madeOn)}
              </Text>
              <Group gap="xs">
                <Text size="sm" fs="italic">
                  “{c.words}”
                </Text>
                <StrengthBadge strength={c.strength} phrase={c.matchedPhrase} />
                <Badge color={STATUS_COLORS[c.status]} variant="light">
                  {STATUS_LABELS[c.status]}
                </Badge>
              </Group>
              <Text size="sm">Due: {c.dueDate ? formatDate(c.dueDate) : 'no date given'}</Text>
              {c.roadmapItem && (
                <Text size="sm">
                  Roadmap:{' '}
                  {isUrl(c.roadmapItem) ? (
                    <Anchor href={c.roadmapItem} target="_blank" rel="noreferrer">
                      {c.roadmapItem}
                    </Anchor>
                  ) : (
                    c.roadmapItem
                  )}
                </Text>
              )}
              {can(session, 'commitments:write') && (
                <Group mt="xs">
                  <Button size="xs" variant="light" onClick={() => startEdit(c)}>
                    Edit
                  </Button>
                  {c.status === 'not_reviewed' && (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      loading={remove.isPending}
                      onClick={() =>
                        confirmAction('Delete this promise? Only promises recorded by mistake should go.') &&
                        remove.mutate()
                      }
                    >
                      Delete
                    </Button>
                  )}
                </Group>
              )}
            </Stack>
          )}
          <Title order={5} mt="md">
            Product's answers
          </Title>
          <Timeline bulletSize={14} lineWidth={2} active={c.history.length - 1} data-testid="commitment-history">
            {c.history.map((h) => (
              <Timeline.Item
                key={h.id}
                title={h.from === null ? 'Recorded' : `${STATUS_LABELS[h.from]} → ${STATUS_LABELS[h.to]}`}
              >
                <Text size="xs" c="dimmed">
                  {h.changedBy.label} · {formatDateTime(h.changedAt)}
                </Text>
                {h.note && <Text size="sm">{h.note}</Text>}
              </Timeline.Item>
            ))}
          </Timeline>
        </Stack>
      )}
    </Drawer>
  );
}
