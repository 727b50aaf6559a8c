import {
  ActionIcon,
  Anchor,
  Button,
  Group,
  Loader,
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
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { api, ApiError, get } from '../api/client.ts';
import { can } from '../api/session.ts';
import type { Session } from '../api/types.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { formatDate } from '../ui/format.ts';
import {
  type PlayDetail,
  type PlayRun,
  type PlaySummary,
  type PlayTaskDef,
  rateWords,
  ROLE_WORDS,
  STATUS_WORDS,
} from './plays.types.ts';
import { TriggerEditor } from './TriggerEditor.tsx';

const ROLE_OPTIONS = Object.entries(ROLE_WORDS).map(([value, label]) => ({ value, label }));

/** One play: its trigger in words, an editor for its trigger and tasks (saved as a new version) and its runs. */
export function PlayPage({ session }: { session: Session }) {
  const { playId = '' } = useParams();
  const qc = useQueryClient();
  const play = useQuery({ queryKey: ['play', playId], queryFn: () => get<PlayDetail>(`/api/v1/plays/${playId}`) });
  const runs = useQuery({
    queryKey: ['play-runs', playId],
    queryFn: () => get<{ items: PlayRun[] }>(`/api/v1/plays/${playId}/runs`),
  });
  const [tasks, setTasks] = useState<PlayTaskDef[]>([]);
  const [trigger, setTrigger] = useState<PlaySummary['trigger']>({ type: 'deal_confirmed' });
  const [enabled, setEnabled] = useState(true);
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    if (play.data) {
      setTasks(play.data.definition.tasks);
      setTrigger(play.data.definition.trigger);
      setEnabled(play.data.enabled);
    }
  }, [play.data]);
  const save = useMutation({
    mutationFn: (p: PlayDetail) =>
      api<PlayDetail>('PUT', `/api/v1/plays/${p.id}`, {
        ...p.definition,
        trigger,
        tasks,
        enabled,
        expectedVersion: p.version,
      }),
    onSuccess: (saved) => {
      setErrors({});
      notifications.show({ color: 'teal', message: `Saved as version ${saved.version}` });
      void qc.invalidateQueries();
    },
    onError: (err) => {
      if (err instanceof ApiError) setErrors(err.fieldErrors());
      notifications.show({ color: 'red', message: err.message });
    },
  });
  if (play.isPending) return <Loader aria-label="Loading the play" />;
  if (play.isError) return <ErrorState error={play.error} />;
  const p = play.data;
  const writable = can(session, 'plays:write');
  const setTask = (i: number, patch: Partial<PlayTaskDef>) =>
    setTasks((ts) => ts.map((t, j) => (j === i ? { ...t, ...patch } : t)));
  const err = (i: number, field: string) => errors[`body.tasks.${i}.${field}`];
  return (
    <Stack>
      <Anchor component={RouterLink} to="/my-work/plays">
        ← Plays
      </Anchor>
      <Title order={2}>{p.name}</Title>
      <Text>
        {`Starts ${p.triggerWords}. Version ${p.version}; ${p.runs} ${p.runs === 1 ? 'run' : 'runs'}, ` +
          `${p.openRuns} open; ${rateWords(p)}.`}
      </Text>
      {p.definition.description && <Text c="dimmed">{p.definition.description}</Text>}

      <Title order={3}>Trigger</Title>
      <TriggerEditor value={trigger} onChange={setTrigger} errors={errors} disabled={!writable} />

      <Title order={3}>Tasks</Title>
      <Text size="sm" c="dimmed">
        Each task goes to the account’s owner in its role; when nobody holds that role it goes to the nearest owner
        along account executive → delivery lead → CSM → account manager, and the task says so. Saving makes a new
        version: runs already started keep theirs.
      </Text>
      {tasks.map((t, i) => (
        <Paper key={i} withBorder p="sm" component="fieldset" aria-label={`Task ${i + 1}`}>
          <Group align="flex-end" wrap="wrap">
            <TextInput
              label={`Task ${i + 1}`}
              value={t.title}
              onChange={(e) => setTask(i, { title: e.currentTarget.value })}
              error={err(i, 'title')}
              disabled={!writable}
              w={320}
            />
            <Select
              label="Owner role"
              data={ROLE_OPTIONS}
              value={t.role}
              onChange={(v) => setTask(i, { role: v as PlayTaskDef['role'], userId: null })}
              error={err(i, 'role')}
              disabled={!writable}
              w={200}
            />
            <NumberInput
              label="Due after (days)"
              min={0}
              max={365}
              value={t.dueInDays}
              onChange={(v) => setTask(i, { dueInDays: Number(v) || 0 })}
              error={err(i, 'dueInDays')}
              disabled={!writable}
              w={150}
            />
            {writable && (
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={`Remove task ${i + 1}`}
                onClick={() => setTasks((ts) => ts.filter((_, j) => j !== i))}
              >
                <IconTrash size={18} />
              </ActionIcon>
            )}
          </Group>
          <Textarea
            mt="xs"
            label="Instructions"
            autosize
            value={t.instructions}
            onChange={(e) => setTask(i, { instructions: e.currentTarget.value })}
            disabled={!writable}
          />
        </Paper>
      ))}
      {errors['body.tasks'] && <Text c="red">{errors['body.tasks']}</Text>}
      {writable && (
        <Group>
          <Button
            variant="default"
            onClick={() =>
              setTasks((ts) => [
                ...ts,
                { title: '', role: 'csm', userId: null, dueInDays: 7, instructions: '', emailTemplate: null },
              ])
            }
          >
            Add a task
          </Button>
          <Switch label="Enabled" checked={enabled} onChange={(e) => setEnabled(e.currentTarget.checked)} />
          <Button onClick={() => save.mutate(p)} loading={save.isPending}>
            Save a new version
          </Button>
        </Group>
      )}

      <Title order={3}>Runs</Title>
      {runs.isPending && <Loader aria-label="Loading the runs" />}
      {runs.data && runs.data.items.length === 0 && <Text c="dimmed">This play has not run yet.</Text>}
      {runs.data && runs.data.items.length > 0 && (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Account</Table.Th>
              <Table.Th>Started</Table.Th>
              <Table.Th>Tasks done</Table.Th>
              <Table.Th>State</Table.Th>
              <Table.Th>Outcome</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {runs.data.items.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Anchor component={RouterLink} to={`/my-work/plays/runs/${r.id}`}>
                    {r.account.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{formatDate(r.startedOn)}</Table.Td>
                <Table.Td>{`${r.tasks.filter((t) => t.doneAt).length} of ${r.tasks.length}`}</Table.Td>
                <Table.Td>{STATUS_WORDS[r.status]}</Table.Td>
                <Table.Td>{r.outcome?.sentence ?? 'Not judged yet'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
