import { ActionIcon, Alert, Button, Group, Modal, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, ApiError } from '../api/client.ts';
import { capitalised, FALLBACK_HOURS, orderedTargets } from './sla-text.ts';
import type { SlaTargets } from './types.ts';

interface Row {
  /** A stable key for React while the priority's name is edited. */
  key: number;
  priority: string;
  hours: number | string;
}

const FIELD = 'body.firstResponseHours';
const nameOf = (priority: string) => priority.trim().toLowerCase();

/** The API's refusals by priority (`body.firstResponseHours.<priority>`), and the others said as one message. */
function refusals(error: unknown): { byPriority: Map<string, string>; other: string | null } {
  const byPriority = new Map<string, string>();
  if (!(error instanceof ApiError)) return { byPriority, other: error instanceof Error ? error.message : null };
  const others: string[] = [];
  for (const e of error.problem.errors ?? []) {
    if (e.field.startsWith(`${FIELD}.`)) byPriority.set(e.field.slice(FIELD.length + 1), e.message);
    else others.push(e.message);
  }
  const other = others.length ? others.join('; ') : byPriority.size ? null : error.message;
  return { byPriority, other };
}

/** Changes the hours to a first answer promised per ticket priority; `normal` stays and covers unlisted ones. */
export function SlaTargetsModal({ targets, onClose }: { targets: SlaTargets; onClose: () => void }) {
  const qc = useQueryClient();
  const [initial] = useState<Row[]>(() => {
    const listed = orderedTargets(targets).map(([priority, hours], key) => ({ key, priority, hours }));
    return listed.some((r) => r.priority === 'normal')
      ? listed
      : [...listed, { key: listed.length, priority: 'normal', hours: FALLBACK_HOURS }];
  });
  const normalKey = initial.find((r) => r.priority === 'normal')!.key;
  const [rows, setRows] = useState(initial);
  // Names the form refuses before asking: a blank one, or one listed twice (the API would merge them).
  const [named, setNamed] = useState<Map<number, string>>(new Map());
  const save = useMutation({
    mutationFn: (body: { firstResponseHours: Record<string, number | null> }) =>
      api<SlaTargets>('PUT', '/api/v1/support/sla', body),
    onSuccess: (saved) => {
      qc.setQueryData(['support', 'sla'], saved);
      // The breach counts are measured against these targets: they are counted again.
      void qc.invalidateQueries({ queryKey: ['support', 'loads'] });
      notifications.show({ color: 'teal', message: 'Service-level targets saved; SLA breaches counted again' });
      onClose();
    },
  });
  const { byPriority, other } = refusals(save.error);
  const change = (key: number, patch: Partial<Row>) =>
    setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const names = rows.map((r) => nameOf(r.priority));
    const refused = new Map<number, string>();
    rows.forEach((r, i) => {
      if (!names[i]) refused.set(r.key, 'name the priority');
      else if (names.indexOf(names[i]!) !== i) refused.set(r.key, 'is listed twice');
    });
    setNamed(refused);
    if (refused.size) return;
    const hours = (v: number | string) => (typeof v === 'number' ? v : v.trim() === '' ? null : Number(v));
    save.mutate({ firstResponseHours: Object.fromEntries(rows.map((r, i) => [names[i], hours(r.hours)])) });
  };
  return (
    <Modal opened onClose={onClose} title="Service-level targets" size="lg">
      <Stack component="form" onSubmit={submit}>
        <Text size="sm" c="dimmed">
          Hours from a ticket’s opening to its first answer, per priority as the help desk names it. A first answer
          later than its target, or none past it, counts as an SLA breach; normal’s target covers priorities not listed.
        </Text>
        {rows.map((r, i) => {
          const label = r.priority.trim() ? capitalised(r.priority.trim()) : `Priority ${i + 1}`;
          const isNormal = r.key === normalKey;
          return (
            <Group key={r.key} align="flex-start" wrap="nowrap" data-testid="sla-row">
              <TextInput
                label={`Priority ${i + 1}`}
                value={r.priority}
                readOnly={isNormal}
                description={isNormal ? 'Also covers priorities not listed' : undefined}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                maxLength={40}
                error={named.get(r.key)}
                onChange={(e) => change(r.key, { priority: e.currentTarget.value })}
                w={220}
              />
              <NumberInput
                label={`${label}: hours to a first answer`}
                value={r.hours}
                decimalScale={2}
                error={byPriority.get(nameOf(r.priority))}
                onChange={(v) => change(r.key, { hours: v })}
                w={260}
              />
              {!isNormal && (
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  mt={28}
                  aria-label={`Remove the target of ${label}`}
                  onClick={() => setRows((all) => all.filter((x) => x.key !== r.key))}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              )}
            </Group>
          );
        })}
        <Group>
          <Button
            variant="default"
            size="xs"
            onClick={() =>
              setRows((all) => [...all, { key: Math.max(-1, ...all.map((r) => r.key)) + 1, priority: '', hours: 8 }])
            }
          >
            Add a priority
          </Button>
        </Group>
        {other && (
          <Alert color="red" role="alert">
            {other}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Save targets
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
