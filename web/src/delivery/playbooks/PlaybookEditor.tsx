import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconDownload, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, ApiError } from '../../api/client.ts';
import { can } from '../../api/session.ts';
import type { Session } from '../../api/types.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { addPhase, milestoneKeys } from './draft.ts';
import { PhaseEditor } from './PhaseEditor.tsx';
import {
  errorAt,
  exportUrl,
  type PlaybookDefinition,
  type PlaybookDetail,
  problemsByPath,
  useDeliveryRoles,
  usePlaybook,
} from './playbook-api.ts';
import { RulesCard } from './RulesCard.tsx';
import { VersionHistory } from './VersionHistory.tsx';

/**
 * One playbook: its selection rules, and its definition as a draft. Save makes a new version, sent with
 * If-Match of the version the draft started from, so two people editing at once cannot overwrite each other.
 */
export function PlaybookEditor({ id, session }: { id: string; session: Session }) {
  const playbook = usePlaybook(id);
  if (playbook.isError) return <ErrorState error={playbook.error} />;
  if (!playbook.data) return <Text c="dimmed">Loading…</Text>;
  return (
    <Editor
      key={`${playbook.data.id}@${playbook.data.version}`}
      playbook={playbook.data}
      readOnly={!can(session, 'playbooks:write')}
    />
  );
}

function Editor({ playbook, readOnly }: { playbook: PlaybookDetail; readOnly: boolean }) {
  const qc = useQueryClient();
  const roles = useDeliveryRoles();
  const [draft, setDraft] = useState<PlaybookDefinition>(playbook.definition);
  const [note, setNote] = useState('');
  const save = useMutation({
    mutationFn: () =>
      api<PlaybookDetail>(
        'PUT',
        `/api/v1/playbooks/${playbook.id}/definition`,
        { definition: draft, note: note || null },
        { 'if-match': `"${playbook.version}"` },
      ),
    onSuccess: (p) => {
      qc.setQueryData(['playbooks', p.id], p);
      qc.invalidateQueries({ queryKey: ['playbooks'], exact: true });
      notifications.show({ color: 'teal', message: `Saved version ${p.version}` });
    },
  });
  const dirty = JSON.stringify(draft) !== JSON.stringify(playbook.definition);
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  const problems = problemsByPath(save.error);
  const stale = save.error instanceof ApiError && save.error.status === 412;
  const milestones = milestoneKeys(draft).map((k) => ({ value: k, label: k }));
  const reload = () => qc.invalidateQueries({ queryKey: ['playbooks', playbook.id] }).then(() => save.reset());
  return (
    <Stack data-testid="playbook-editor">
      <Group justify="space-between">
        <Group>
          <Anchor component={Link} to="/delivery/playbooks" size="sm">
            <Group gap={4}>
              <IconArrowLeft size={14} /> Playbooks
            </Group>
          </Anchor>
          <Title order={3}>{playbook.name}</Title>
          <Badge variant="light" data-testid="playbook-version">
            v{playbook.version}
          </Badge>
          {playbook.archived && <Badge color="gray">archived</Badge>}
          <Text size="sm" c="dimmed">
            {playbook.key} · {playbook.taskCount} tasks · {playbook.totalEffortHours} h · ~
            {playbook.typicalDurationDays} working days
          </Text>
        </Group>
        <Group gap="xs">
          <Button
            component="a"
            href={exportUrl(playbook.id, 'yaml')}
            download
            variant="default"
            size="xs"
            leftSection={<IconDownload size={14} />}
          >
            YAML
          </Button>
          <Button
            component="a"
            href={exportUrl(playbook.id, 'json')}
            download
            variant="default"
            size="xs"
            leftSection={<IconDownload size={14} />}
          >
            JSON
          </Button>
        </Group>
      </Group>

      <RulesCard playbook={playbook} readOnly={readOnly} />

      <Paper withBorder p="md">
        <Title order={4} mb="xs">
          Definition
        </Title>
        <Group align="flex-start" grow>
          <Select
            label="First-value milestone"
            description="Time to value ends when a project reaches it"
            data={milestones}
            value={draft.firstValueMilestone}
            readOnly={readOnly}
            allowDeselect={false}
            onChange={(v) => v && setDraft({ ...draft, firstValueMilestone: v })}
            error={errorAt(problems, 'definition.firstValueMilestone')}
          />
          <Select
            label="Go-live milestone"
            description="The milestone that is the go-live"
            data={milestones}
            value={draft.goLiveMilestone}
            readOnly={readOnly}
            allowDeselect={false}
            onChange={(v) => v && setDraft({ ...draft, goLiveMilestone: v })}
            error={errorAt(problems, 'definition.goLiveMilestone')}
          />
        </Group>
      </Paper>

      {draft.phases.map((_, i) => (
        <PhaseEditor
          key={i}
          draft={draft}
          phase={i}
          roles={roles}
          problems={problems}
          readOnly={readOnly}
          onChange={setDraft}
        />
      ))}
      {!readOnly && (
        <Group>
          <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setDraft(addPhase(draft))}>
            Add phase
          </Button>
        </Group>
      )}
      {errorAt(problems, 'definition.phases') && (
        <Text c="red" size="sm">
          {errorAt(problems, 'definition.phases')}
        </Text>
      )}

      <Checklist draft={draft} readOnly={readOnly} onChange={setDraft} problems={problems} />

      {!readOnly && (
        <Paper withBorder p="md" data-testid="playbook-save">
          <Stack gap="sm">
            {stale && (
              <Alert color="orange" title="Someone saved a newer version">
                <Text size="sm">{save.error?.message}</Text>
                <Button mt="xs" size="xs" variant="light" onClick={reload}>
                  Load the newer version (discards these changes)
                </Button>
              </Alert>
            )}
            {save.error && !stale && (
              <Alert color="red" title="Not saved: fix these fields" data-testid="playbook-problems">
                {problems.size === 0 ? (
                  <Text size="sm">{save.error.message}</Text>
                ) : (
                  [...problems].map(([path, message]) => (
                    <Text size="sm" key={path}>
                      <b>{path}</b>: {message}
                    </Text>
                  ))
                )}
              </Alert>
            )}
            <Group align="flex-end">
              <TextInput
                label="What changed"
                placeholder="kept with the version"
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
                style={{ flex: 1 }}
              />
              <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!dirty}>
                Save as version {playbook.version + 1}
              </Button>
            </Group>
            <Text size="xs" c="dimmed">
              Projects already running keep the version they started from.
            </Text>
          </Stack>
        </Paper>
      )}

      <VersionHistory playbook={playbook} />
    </Stack>
  );
}

function Checklist({
  draft,
  readOnly,
  onChange,
  problems,
}: {
  draft: PlaybookDefinition;
  readOnly: boolean;
  onChange: (d: PlaybookDefinition) => void;
  problems: Map<string, string>;
}) {
  const items = draft.goLiveChecklist;
  const set = (next: string[]) => onChange({ ...draft, goLiveChecklist: next });
  return (
    <Paper withBorder p="md" data-testid="go-live-checklist">
      <Title order={4} mb="xs">
        Go-live checklist
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        What must be true for a go-live to count as successful.
      </Text>
      <Stack gap={6}>
        {items.map((item, i) => (
          <Group key={i} gap="xs" wrap="nowrap">
            <TextInput
              style={{ flex: 1 }}
              aria-label={`Checklist item ${i + 1}`}
              value={item}
              readOnly={readOnly}
              onChange={(e) => set(items.map((x, j) => (j === i ? e.currentTarget.value : x)))}
              error={errorAt(problems, `definition.goLiveChecklist[${i}]`)}
            />
            {!readOnly && (
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label="Remove checklist item"
                onClick={() => set(items.filter((_, j) => j !== i))}
              >
                <IconTrash size={14} />
              </ActionIcon>
            )}
          </Group>
        ))}
        {!readOnly && (
          <Group>
            <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => set([...items, ''])}>
              Add item
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
