import { ActionIcon, Alert, Button, Group, Modal, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, ApiError } from '../api/client.ts';
import { capitalised, FALLBACK_HOURS, orderedTargets, type Target } from './sla-text.ts';
import type { SlaTargets } from './types.ts';

interface Row {
  /** A stable key for React while the priority's name is edited. */
  key: number;
  priority: string;
  firstResponse: number | string;
  resolution: number | string;
}

/** Where the API names a refused value of each kind: `body.firstResponseHours.<priority>`, `body.resolutionHours…`. */
const FIELDS: Record<Target, string> = { firstResponse: 'body.firstResponseHours', resolution: 'body.resolutionHours' };
const nameOf = (priority: string) => priority.trim().toLowerCase();

type Refusals = Record<Target, Map<string, string>> & { other: string | null };

/** The API's refusals by kind and priority, and the others said as one message. */
function refusals(error: unknown): Refusals {
  const found: Refusals = { firstResponse: new Map(), resolution: new Map(), other: null };
  if (!(error instanceof ApiError)) return { ...found, other: error instanceof Error ? error.message : null };
  const others: string[] = [];
  for (const e of error.problem.errors ?? []) {
    const kind = (Object.keys(FIELDS) as Target[]).find((k) => e.field.startsWith(`${FIELDS[k]}.`));
    if (kind) found[kind].set(e.field.slice(FIELDS[kind].length + 1), e.message);
    else others.push(e.message);
  }
  const named = found.firstResponse.size + found.resolution.size > 0;
  return { ...found, other: others.length ? others.join('; ') : named ? null : error.message };
}

const hours = (v: number | string) => (typeof v === 'number' ? v : v.trim() === '' ? null : Number(v));

/**
 * Changes the hours to a first answer and to solving promised per ticket priority; `normal` stays and covers
 * unlisted ones.
 */
export function SlaTargetsModal({ targets, onClose }: { targets: SlaTargets; onClose: () => void }) {
  const qc = useQueryClient();
  const [initial] = useState<Row[]>(() => {
    const listed = orderedTargets(targets).map((t, key) => ({ key, ...t }));
    return listed.some((r) => r.priority === 'normal')
      ? listed
      : [...listed, { key: listed.length, priority: 'normal', ...FALLBACK_HOURS }];
  });
  const normalKey = initial.find((r) => r.priority === 'normal')!.key;
  const [rows, setRows] = useState(initial);
  // Names the form refuses before asking: a blank one, or one listed twice (the API would merge them).
  const [named, setNamed] = useState<Map<number, string>>(new Map());
  const save = useMutation({
    mutationFn: (body: Record<'firstResponseHours' | 'resolutionHours', Record<string, number | null>>) =>
      api<SlaTargets>('PUT', '/api/v1/support/sla', body),
    onSuccess: (saved) => {
      qc.setQueryData(['support', 'sla'], saved);
      // The breach counts are measured against these targets: they are counted again.
      void qc.invalidateQueries({ queryKey: ['support', 'loads'] });
      notifications.show({ color: 'teal', message: 'Service-level targets saved; SLA breaches counted again' });
      onClose();
    },
  });
  const refused = refusals(save.error);
  const change = (key: number, patch: Partial<Row>) =>
    setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const names = rows.map((r) => nameOf(r.priority));
    const unnamed = new Map<number, string>();
    rows.forEach((r, i) => {
      if (!names[i]) unnamed.set(r.key, 'name the priority');
      else if (names.indexOf(names[i]!) !== i) unnamed.set(r.key, 'is listed twice');
    });
    setNamed(unnamed);
    if (unnamed.size) return;
    const of = (target: Target) => Object.fromEntries(rows.map((r, i) => [names[i], hours(r[target])]));
    save.mutate({ firstResponseHours: of('firstResponse'), resolutionHours: of('resolution') });
  };
  return (
    <Modal opened onClose={onClose} title="Service-level targets" size={860}>
      <Stack component="form" onSubmit={submit}>
        <Text size="sm" c="dimmed">
          Hours from a ticket’s opening to its first answer and to its solving, per priority as the help desk names it,
          counted around the clock. A first answer later than its target, or none yet past it, is a first-response
          breach; a ticket solved later than its resolution target, or still open past it, is a resolution breach.
          Normal’s targets cover priorities not listed.
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
                w={170}
              />
              <NumberInput
                label={`${label}: hours to a first answer`}
                value={r.firstResponse}
                decimalScale={2}
                error={refused.firstResponse.get(nameOf(r.priority))}
                onChange={(v) => change(r.key, { firstResponse: v })}
                w={260}
              />
              <NumberInput
                label={`${label}: hours to resolution`}
                value={r.resolution}
                decimalScale={2}
                error={refused.resolution.get(nameOf(r.priority))}
                onChange={(v) => change(r.key, { resolution: v })}
                w={260}
              />
              {!isNormal && (
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  mt={28}
                  aria-label={`Remove the targets of ${label}`}
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
              setRows((all) => [
                ...all,
                { key: Math.max(-1, ...all.map((r) => r.key)) + 1, priority: '', ...FALLBACK_HOURS },
              ])
            }
          >
            Add a priority
          </Button>
        </Group>
        {refused.other && (
          <Alert color="red" role="alert">
            {refused.other}
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
