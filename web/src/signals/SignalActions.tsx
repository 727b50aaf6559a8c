import { Badge, Button, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  DISMISS_REASON_WORDS,
  DISMISS_REASONS,
  type SignalActionEntry,
} from '../../../src/modules/signals/attention.ts';
import { api, ApiError, get } from '../api/client.ts';
import { can, useSession } from '../api/session.ts';
import type { Signal } from '../api/types.ts';
import { formatDate } from '../ui/format.ts';

const ATTENTION_WORDS: Record<Signal['attention'], string> = {
  new: 'New',
  acknowledged: 'Acknowledged',
  snoozed: 'Snoozed',
  dismissed: 'Dismissed',
};
const ATTENTION_COLORS: Record<Signal['attention'], string> = {
  new: 'red',
  acknowledged: 'blue',
  snoozed: 'gray',
  dismissed: 'gray',
};

const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

/**
 * What a person does about a signal (acknowledge, snooze to a day, dismiss with a reason, reopen) and what others
 * did, in words. Keyboard-usable: every control is a labelled button or field.
 */
export function SignalActions({
  signal,
}: {
  signal: Pick<Signal, 'id' | 'title' | 'attention' | 'snoozedUntil' | 'resolvedAt'>;
}) {
  const session = useSession();
  const qc = useQueryClient();
  const [form, setForm] = useState<'snooze' | 'dismiss' | null>(null);
  const [showHistory, setShowHistory] = useState(false);
  const [until, setUntil] = useState(tomorrow());
  const [reason, setReason] = useState<string | null>('not_relevant');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const history = useQuery({
    queryKey: ['signal', signal.id],
    queryFn: () => get<Signal & { history: SignalActionEntry[] }>(`/api/v1/signals/${signal.id}`),
    enabled: showHistory,
  });
  const act = useMutation({
    mutationFn: (input: { action: string; body: object }) =>
      api<Signal>('POST', `/api/v1/signals/${signal.id}/${input.action}`, input.body),
    onSuccess: () => {
      setForm(null);
      setNote('');
      setErrors({});
      void qc.invalidateQueries();
    },
    onError: (err) => {
      if (err instanceof ApiError) setErrors(err.fieldErrors());
      notifications.show({ color: 'red', message: err.message });
    },
  });
  const writable = can(session.data, 'signals:write') && !signal.resolvedAt;
  const withNote = (body: object) => (note.trim() ? { ...body, note: note.trim() } : body);
  const label = signal.title;

  return (
    <Stack gap={6} mt="xs">
      <Group gap="xs">
        <Badge color={ATTENTION_COLORS[signal.attention]} variant="light">
          {ATTENTION_WORDS[signal.attention]}
          {signal.snoozedUntil ? ` until ${formatDate(signal.snoozedUntil)}` : ''}
        </Badge>
        {writable && signal.attention === 'new' && (
          <Button
            size="compact-xs"
            variant="light"
            loading={act.isPending}
            aria-label={`Acknowledge: ${label}`}
            onClick={() => act.mutate({ action: 'acknowledge', body: {} })}
          >
            Acknowledge
          </Button>
        )}
        {writable && signal.attention !== 'snoozed' && signal.attention !== 'dismissed' && (
          <>
            <Button
              size="compact-xs"
              variant="default"
              aria-label={`Snooze: ${label}`}
              onClick={() => setForm('snooze')}
            >
              Snooze
            </Button>
            <Button
              size="compact-xs"
              variant="default"
              aria-label={`Dismiss: ${label}`}
              onClick={() => setForm('dismiss')}
            >
              Dismiss
            </Button>
          </>
        )}
        {writable && signal.attention !== 'new' && (
          <Button
            size="compact-xs"
            variant="default"
            aria-label={`Reopen: ${label}`}
            onClick={() => act.mutate({ action: 'reopen', body: {} })}
          >
            Reopen
          </Button>
        )}
        <Button
          size="compact-xs"
          variant="subtle"
          aria-expanded={showHistory}
          aria-label={`History: ${label}`}
          onClick={() => setShowHistory((v) => !v)}
        >
          {showHistory ? 'Hide history' : 'History'}
        </Button>
      </Group>
      {form && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (form === 'snooze') act.mutate({ action: 'snooze', body: withNote({ until }) });
            else act.mutate({ action: 'dismiss', body: withNote({ reason }) });
          }}
        >
          <Group align="flex-end" gap="xs">
            {form === 'snooze' ? (
              <TextInput
                label="Snooze until"
                type="date"
                required
                value={until}
                error={errors.until}
                onChange={(e) => setUntil(e.currentTarget.value)}
              />
            ) : (
              <Select
                label="Reason"
                data={DISMISS_REASONS.map((r) => ({ value: r, label: DISMISS_REASON_WORDS[r] }))}
                value={reason}
                allowDeselect={false}
                error={errors.reason}
                onChange={setReason}
              />
            )}
            <Textarea
              label={form === 'dismiss' && reason === 'other' ? 'Note (required)' : 'Note'}
              autosize
              minRows={1}
              value={note}
              error={errors.note}
              onChange={(e) => setNote(e.currentTarget.value)}
            />
            <Button type="submit" size="xs" loading={act.isPending}>
              {form === 'snooze' ? 'Snooze' : 'Dismiss'}
            </Button>
            <Button size="xs" variant="subtle" onClick={() => setForm(null)}>
              Cancel
            </Button>
          </Group>
        </form>
      )}
      {showHistory && (
        <Stack gap={2} data-testid="signal-history">
          {history.data?.history.length === 0 && (
            <Text size="xs" c="dimmed">
              Nobody has acted on this signal yet.
            </Text>
          )}
          {history.data?.history.map((h) => (
            <Text key={`${h.at}-${h.action}`} size="xs">
              {h.sentence}
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
