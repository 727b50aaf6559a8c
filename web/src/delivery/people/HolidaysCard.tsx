import { Alert, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../../api/client.ts';
import { type Holiday, useHolidays } from './people-api.ts';

const toText = (items: Holiday[]) => items.map((h) => `${h.date},${h.name}`).join('\n');

/** Reads the editor's lines (`date,name`) into holidays; the server checks the dates. */
const fromText = (text: string): Holiday[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^date\s*,/i.test(l))
    .map((l) => {
      const i = l.indexOf(',');
      return i < 0 ? { date: l, name: '' } : { date: l.slice(0, i).trim(), name: l.slice(i + 1).trim() };
    });

/** The workspace's holidays as lines of `date,name` (paste a CSV), saved as one list. */
export function HolidaysCard({ canEdit }: { canEdit: boolean }) {
  const qc = useQueryClient();
  const holidays = useHolidays();
  const [text, setText] = useState('');
  useEffect(() => {
    if (holidays.data) setText(toText(holidays.data));
  }, [holidays.data]);
  const save = useMutation({
    mutationFn: () => api<{ items: Holiday[] }>('PUT', '/api/v1/delivery/holidays', { holidays: fromText(text) }),
    onSuccess: (r) => {
      qc.invalidateQueries({ queryKey: ['delivery'] });
      notifications.show({ color: 'teal', message: `${r.items.length} holidays saved` });
    },
  });
  const problems = save.error instanceof ApiError ? (save.error.problem.errors ?? []) : [];
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={4}>Holidays</Title>
        <Text size="sm" c="dimmed">
          Nobody works on these days: one per line as <code>YYYY-MM-DD,name</code>; paste a CSV to set many at once.
        </Text>
        <Textarea
          autosize
          minRows={4}
          maxRows={14}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          readOnly={!canEdit}
          aria-label="Holidays"
          data-testid="holidays-editor"
        />
        {save.error && (
          <Alert color="red" data-testid="holidays-error">
            {problems.length
              ? problems
                  .map(
                    (p) =>
                      `${p.field.replace(/^body\.holidays\.(\d+)\./, (_m, i) => `line ${Number(i) + 1}: `)} ${p.message}`,
                  )
                  .join('; ')
              : save.error.message}
          </Alert>
        )}
        {canEdit && (
          <Group justify="flex-end">
            <Button size="xs" onClick={() => save.mutate()} loading={save.isPending}>
              Save holidays
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
