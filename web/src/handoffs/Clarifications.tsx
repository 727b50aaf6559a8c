import { Badge, Button, Group, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client.ts';
import { useNames } from '../api/queries.ts';
import { can } from '../api/session.ts';
import type { BriefDetail, Clarification, Session } from '../api/types.ts';
import { formatDateTime } from '../ui/format.ts';

/** Questions delivery had to ask. One about a field the brief already answered is a repeated requirement. */
export function Clarifications({ brief, session }: { brief: BriefDetail; session: Session }) {
  const qc = useQueryClient();
  const names = useNames(can(session, 'users:read'));
  const [field, setField] = useState<string | null>(null);
  const [question, setQuestion] = useState('');
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const refresh = () => {
    qc.invalidateQueries({ queryKey: ['handoff', brief.id] });
    qc.invalidateQueries({ queryKey: ['signals'] });
  };
  const ask = useMutation({
    mutationFn: () => api<Clarification>('POST', `/api/v1/handoffs/${brief.id}/clarifications`, { field, question }),
    onSuccess: (c) => {
      setQuestion('');
      setField(null);
      refresh();
      if (c.repeated)
        notifications.show({
          color: 'orange',
          message: 'The brief already covered this: logged as a repeated requirement',
        });
    },
    onError: (err) => notifications.show({ color: 'red', message: err.message }),
  });
  const answer = useMutation({
    mutationFn: (id: string) =>
      api<Clarification>('PUT', `/api/v1/handoffs/${brief.id}/clarifications/${id}`, { answer: answers[id] }),
    onSuccess: refresh,
    onError: (err) => notifications.show({ color: 'red', message: err.message }),
  });
  const canAsk = can(session, 'handoffs:review') && brief.state !== 'draft';
  return (
    <Paper withBorder p="md" data-testid="clarifications">
      <Title order={5} mb="sm">
        Clarifications ({brief.clarifications.length})
      </Title>
      <Stack gap="sm">
        {brief.clarifications.length === 0 && (
          <Text size="sm" c="dimmed">
            No questions so far.
          </Text>
        )}
        {brief.clarifications.map((c) => (
          <Stack key={c.id} gap={4}>
            <Group gap="xs">
              <Text size="sm" fw={500}>
                {c.question}
              </Text>
              {c.field && (
                <Badge size="xs" variant="outline">
                  {brief.score.fields.find((f) => f.field === c.field)?.label ?? c.field}
                </Badge>
              )}
              {c.repeated && (
                <Badge size="xs" color="orange">
                  repeated requirement
                </Badge>
              )}
            </Group>
            <Text size="xs" c="dimmed">
              {names.user(c.askedBy)} · {formatDateTime(c.askedAt)}
            </Text>
            {c.answer ? (
              <Text size="sm" pl="sm" style={{ borderLeft: '2px solid var(--mantine-color-teal-5)' }}>
                {c.answer}
              </Text>
            ) : can(session, 'handoffs:write') ? (
              <Group gap="xs" align="flex-end">
                <Textarea
                  aria-label={`Answer to: ${c.question}`}
                  placeholder="Answer"
                  autosize
                  style={{ flex: 1 }}
                  value={answers[c.id] ?? ''}
                  onChange={(e) => setAnswers({ ...answers, [c.id]: e.currentTarget.value })}
                />
                <Button
                  size="xs"
                  variant="light"
                  disabled={!answers[c.id]?.trim()}
                  onClick={() => answer.mutate(c.id)}
                  loading={answer.isPending && answer.variables === c.id}
                >
                  Answer
                </Button>
              </Group>
            ) : (
              <Text size="xs" c="orange">
                Not answered yet
              </Text>
            )}
          </Stack>
        ))}
        {canAsk && (
          <Stack gap="xs" pt="xs" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
            <Select
              label="About"
              placeholder="A field of the brief (optional)"
              clearable
              data={brief.score.fields.map((f) => ({ value: f.field, label: f.label }))}
              value={field}
              onChange={setField}
            />
            <Textarea
              label="Question"
              autosize
              minRows={2}
              value={question}
              onChange={(e) => setQuestion(e.currentTarget.value)}
            />
            <Button
              size="xs"
              w="fit-content"
              disabled={!question.trim()}
              onClick={() => ask.mutate()}
              loading={ask.isPending}
            >
              Log question
            </Button>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
