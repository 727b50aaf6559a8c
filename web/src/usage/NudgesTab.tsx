import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  NumberInput,
  Paper,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { EffectRow, NudgeRule } from '../../../src/modules/usage/nudges/nudge.ts';
import { api, get, query } from '../api/client.ts';
import { can } from '../api/session.ts';
import type { Session } from '../api/types.ts';
import { ErrorState } from '../ui/ErrorState.tsx';

interface Nudge {
  id: string;
  ruleId: string;
  userId: string;
  channel: string;
  email: string | null;
  subject: string;
  status: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
}

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)} %`);
const day = (d: Date) => d.toISOString().slice(0, 10);
const STATUS_COLOR: Record<string, string> = {
  queued: 'gray',
  sending: 'blue',
  sent: 'teal',
  failed: 'red',
  shown: 'blue',
  dismissed: 'gray',
};

/** Adoption → Nudges: the rules that nudge overdue onboarding users, the nudges they made, and their effect. */
export function NudgesTab({ session }: { session: Session }) {
  const qc = useQueryClient();
  const manage = can(session, 'workspace:manage');
  const rules = useQuery({
    queryKey: ['usage-nudges', 'rules'],
    queryFn: () => get<{ items: NudgeRule[] }>('/api/v1/usage/nudges/rules'),
  });
  const nudges = useQuery({
    queryKey: ['usage-nudges', 'recent'],
    queryFn: () => get<{ items: Nudge[] }>('/api/v1/usage/nudges?limit=50'),
  });
  const [editing, setEditing] = useState<NudgeRule | 'new' | null>(null);
  const toggle = useMutation({
    mutationFn: (r: NudgeRule) => api('PUT', `/api/v1/usage/nudges/rules/${r.id}`, { enabled: !r.enabled }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['usage-nudges'] }),
    onError: (err) => notifications.show({ color: 'red', message: err.message }),
  });
  const evaluate = useMutation({
    mutationFn: () =>
      api<{ nudged: number; sent: number; failed: number; skippedNoEmail: number }>(
        'POST',
        '/api/v1/usage/nudges/evaluate',
      ),
    onSuccess: (r) => {
      notifications.show({
        message:
          `${r.nudged} nudged, ${r.sent} emails sent, ${r.failed} failed, ${r.skippedNoEmail} skipped without an ` +
          `email.`,
      });
      qc.invalidateQueries({ queryKey: ['usage-nudges'] });
    },
    onError: (err) => notifications.show({ color: 'red', message: err.message }),
  });
  const ruleName = new Map((rules.data?.items ?? []).map((r) => [r.id, r.name]));

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={4}>Nudge rules</Title>
        {manage && (
          <Group>
            <Button variant="default" onClick={() => evaluate.mutate()} loading={evaluate.isPending}>
              Run rules now
            </Button>
            <Button onClick={() => setEditing('new')}>Add rule</Button>
          </Group>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        A rule nudges the product users of an onboarding account when a milestone waits for a usage event they have not
        done, a number of days after the milestone was due: by email, or by a message shown in your product by the
        embedded script (/embed/nudges.js with your ingest key). Each user is nudged once per rule and milestone.
      </Text>
      {rules.isError && <ErrorState error={rules.error} />}
      {rules.isPending && <Loader />}
      {rules.data && rules.data.items.length === 0 && (
        <Alert color="gray" variant="light">
          No nudge rules yet.
        </Alert>
      )}
      {rules.data && rules.data.items.length > 0 && (
        <Paper withBorder>
          <Table data-testid="nudge-rules">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Rule</Table.Th>
                <Table.Th>Milestone event</Table.Th>
                <Table.Th>Days after due</Table.Th>
                <Table.Th>Channel</Table.Th>
                <Table.Th>Enabled</Table.Th>
                {manage && <Table.Th>Change</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rules.data.items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{r.name}</Table.Td>
                  <Table.Td>{r.milestoneEvent ?? 'any milestone awaiting an event'}</Table.Td>
                  <Table.Td>{r.daysAfterDue}</Table.Td>
                  <Table.Td>{r.channel === 'email' ? 'Email' : 'In-app'}</Table.Td>
                  <Table.Td>
                    <Switch
                      checked={r.enabled}
                      disabled={!manage || toggle.isPending}
                      onChange={() => toggle.mutate(r)}
                      aria-label={`${r.name} enabled`}
                    />
                  </Table.Td>
                  {manage && (
                    <Table.Td>
                      <Button size="xs" variant="subtle" onClick={() => setEditing(r)} aria-label={`Edit ${r.name}`}>
                        Edit
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}

      <NudgeEffect />

      <Title order={4}>Recent nudges</Title>
      {nudges.isError && <ErrorState error={nudges.error} />}
      {nudges.data && nudges.data.items.length === 0 && <Text c="dimmed">No nudges yet.</Text>}
      {nudges.data && nudges.data.items.length > 0 && (
        <Paper withBorder>
          <Table data-testid="nudges-recent">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Made</Table.Th>
                <Table.Th>Rule</Table.Th>
                <Table.Th>User</Table.Th>
                <Table.Th>Channel</Table.Th>
                <Table.Th>Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {nudges.data.items.map((n) => (
                <Table.Tr key={n.id}>
                  <Table.Td>{n.createdAt.slice(0, 10)}</Table.Td>
                  <Table.Td>{ruleName.get(n.ruleId) ?? '—'}</Table.Td>
                  <Table.Td>{n.email ?? n.userId}</Table.Td>
                  <Table.Td>{n.channel === 'email' ? 'Email' : 'In-app'}</Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOR[n.status] ?? 'gray'} variant="light">
                      {n.status}
                    </Badge>
                    {n.lastError && (
                      <Text size="xs" c="red.8">
                        {n.lastError} (attempt {n.attempts})
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? 'Add nudge rule' : 'Edit nudge rule'}
      >
        {editing !== null && <RuleForm rule={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
      </Modal>
    </Stack>
  );
}

/** The effect table over a period, each rule with its sentence. */
function NudgeEffect() {
  const [from, setFrom] = useState(() => day(new Date(Date.now() - 90 * 86_400_000)));
  const [to, setTo] = useState(() => day(new Date()));
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && from <= to;
  const effect = useQuery({
    queryKey: ['usage-nudges', 'effect', from, to],
    queryFn: () =>
      get<{ items: Array<EffectRow & { ruleName: string }> }>(`/api/v1/usage/nudges/effect${query({ from, to })}`),
    enabled: valid,
  });
  return (
    <Stack gap="xs">
      <Title order={4}>Nudge results</Title>
      <Group>
        <TextInput
          label="From"
          placeholder="YYYY-MM-DD"
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
        />
        <TextInput label="To" placeholder="YYYY-MM-DD" value={to} onChange={(e) => setTo(e.currentTarget.value)} />
      </Group>
      {!valid && <Text c="red.8">Give two days as YYYY-MM-DD, the first not after the second.</Text>}
      {effect.isError && <ErrorState error={effect.error} />}
      {effect.data && effect.data.items.length > 0 && (
        <Paper withBorder>
          <Table data-testid="nudge-effect">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Rule</Table.Th>
                <Table.Th>Nudged</Table.Th>
                <Table.Th>Completed after nudge</Table.Th>
                <Table.Th>Median days</Table.Th>
                <Table.Th>Eligible, not nudged</Table.Th>
                <Table.Th>Completed</Table.Th>
                <Table.Th>Difference</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {effect.data.items.map((r) => (
                <Table.Tr key={r.ruleId}>
                  <Table.Td>
                    {r.ruleName}
                    <Text size="xs" c="dimmed">
                      {r.sentence}
                    </Text>
                  </Table.Td>
                  <Table.Td>{r.nudged}</Table.Td>
                  <Table.Td>
                    {r.nudgedCompleted} ({pct(r.nudgedRate)})
                  </Table.Td>
                  <Table.Td>{r.medianDaysToComplete ?? '—'}</Table.Td>
                  <Table.Td>{r.notNudged}</Table.Td>
                  <Table.Td>
                    {r.notNudgedCompleted} ({pct(r.notNudgedRate)})
                  </Table.Td>
                  <Table.Td>{r.differencePoints === null ? '—' : `${r.differencePoints} points`}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}

function RuleForm({ rule, onDone }: { rule: NudgeRule | null; onDone: () => void }) {
  const qc = useQueryClient();
  const [name, setName] = useState(rule?.name ?? '');
  const [event, setEvent] = useState(rule?.milestoneEvent ?? '');
  const [days, setDays] = useState<number>(rule?.daysAfterDue ?? 3);
  const [channel, setChannel] = useState<string>(rule?.channel ?? 'email');
  const [subject, setSubject] = useState(rule?.subject ?? '');
  const [message, setMessage] = useState(rule?.message ?? '');
  const [enabled, setEnabled] = useState(rule?.enabled ?? true);
  const save = useMutation({
    mutationFn: () => {
      const body = {
        name,
        milestoneEvent: event.trim() || null,
        daysAfterDue: days,
        channel,
        subject,
        message,
        enabled,
      };
      return rule
        ? api('PUT', `/api/v1/usage/nudges/rules/${rule.id}`, body)
        : api('POST', '/api/v1/usage/nudges/rules', body);
    },
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['usage-nudges'] });
      onDone();
    },
    onError: (err) => notifications.show({ color: 'red', message: err.message }),
  });
  return (
    <Stack>
      <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} required />
      <TextInput
        label="Milestone event"
        description="The usage event the milestone awaits; leave empty for any milestone awaiting an event"
        value={event}
        onChange={(e) => setEvent(e.currentTarget.value)}
      />
      <NumberInput
        label="Days after the milestone was due"
        min={0}
        max={365}
        value={days}
        onChange={(v) => setDays(typeof v === 'number' ? v : 0)}
      />
      <Select
        label="Channel"
        data={[
          { value: 'email', label: 'Email' },
          { value: 'in_app', label: 'In-app message' },
        ]}
        value={channel}
        onChange={(v) => setChannel(v ?? 'email')}
        allowDeselect={false}
      />
      <TextInput label="Subject" value={subject} onChange={(e) => setSubject(e.currentTarget.value)} required />
      <Textarea
        label="Message"
        description="{{first_name}}, {{milestone}} and {{account}} are filled in"
        autosize
        minRows={4}
        value={message}
        onChange={(e) => setMessage(e.currentTarget.value)}
        required
      />
      <Switch label="Enabled" checked={enabled} onChange={(e) => setEnabled(e.currentTarget.checked)} />
      <Button onClick={() => save.mutate()} loading={save.isPending}>
        Save
      </Button>
    </Stack>
  );
}
