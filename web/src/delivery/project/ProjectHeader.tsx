import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { can } from '../../api/session.ts';
import type { Session } from '../../api/types.ts';
import { confirmAction } from '../../ui/confirm.ts';
import { formatDate } from '../../ui/format.ts';
import { days, STATUS_COLORS, STATUS_LABELS } from '../labels.ts';
import type { ProjectDetail } from '../types.ts';
import { useProjectMutation } from './useProjectMutation.ts';

type Action = 'kickoff' | 'go-live' | 'close' | 'cancel';
const DONE: Record<Action, string> = {
  kickoff: 'Project kicked off',
  'go-live': 'Go-live recorded',
  close: 'Project closed',
  cancel: 'Project cancelled',
};

/** Who, what and when: the dates against the promise, the delivery measures, and the moves the status allows. */
export function ProjectHeader({ project: p, session }: { project: ProjectDetail; session: Session }) {
  const move = useProjectMutation(
    p.id,
    ({ action, body }: { action: Action; body: Record<string, unknown> }) => ({
      method: 'POST',
      url: `/api/v1/projects/${p.id}/${action}`,
      body,
    }),
    (next) => DONE[actionOf(next.status)],
  );
  const [goLive, setGoLive] = useState(false);
  const [cancel, setCancel] = useState(false);
  const manage = can(session, 'projects:manage');
  const forecastLate = p.late && !p.goLiveOn;
  return (
    <Stack gap="sm">
      <Anchor component={Link} to="/delivery/projects" size="sm">
        ← All projects
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="sm">
            <Title order={3}>{p.name}</Title>
            <Badge variant="light" color={STATUS_COLORS[p.status]} data-testid="project-status">
              {STATUS_LABELS[p.status]}
            </Badge>
            {p.late && (
              <Badge color="red" variant="filled">
                {p.metrics.daysLate} days late
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {p.accountName ?? '—'} · {p.playbook.name ?? 'playbook'} v{p.playbook.version} · accepted{' '}
            {formatDate(p.acceptedOn)}
            {p.kickoffOn
              ? ` · kicked off ${formatDate(p.kickoffOn)}`
              : p.plannedKickoffOn
                ? ` · kickoff planned ${formatDate(p.plannedKickoffOn)}`
                : ''}
          </Text>
        </div>
        {manage && (
          <Group gap="xs">
            {p.status === 'queued' && (
              <Button onClick={() => move.mutate({ action: 'kickoff', body: {} })} loading={move.isPending}>
                Kickoff
              </Button>
            )}
            {p.status === 'active' && (
              <Button
                onClick={() => {
                  move.reset();
                  setGoLive(true);
                }}
              >
                Go live…
              </Button>
            )}
            {p.status === 'live' && (
              <Button
                variant="default"
                onClick={() =>
                  confirmAction('Close this project? Its plan will no longer change.') &&
                  move.mutate({ action: 'close', body: {} })
                }
                loading={move.isPending}
              >
                Close
              </Button>
            )}
            {(p.status === 'queued' || p.status === 'active') && (
              <Button variant="subtle" color="red" onClick={() => setCancel(true)}>
                Cancel…
              </Button>
            )}
          </Group>
        )}
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4, lg: 8 }} data-testid="project-dates">
        <Figure label="Promised go-live" value={formatDate(p.promisedGoLive)} />
        <Figure
          label="Forecast go-live"
          value={formatDate(p.forecastGoLive)}
          color={forecastLate ? 'red' : undefined}
          testId="forecast-go-live"
        />
        <Figure label="Actual go-live" value={formatDate(p.goLiveOn)} />
        <Figure
          label="First value"
          value={p.firstValueOn ? formatDate(p.firstValueOn) : `${formatDate(p.forecastFirstValue)} (forecast)`}
        />
        <Figure label="Queue wait" value={days(p.metrics.queueWaitDays)} />
        <Figure
          label={p.metrics.implementationIsForecast ? 'Implementation (forecast)' : 'Implementation'}
          value={days(p.metrics.implementationDays)}
        />
        <Figure label="Time to value" value={days(p.metrics.timeToValueDays)} />
        <Figure label="Days late" value={days(p.metrics.daysLate)} color={p.metrics.daysLate ? 'red' : undefined} />
      </SimpleGrid>
      <GoLiveModal
        project={p}
        opened={goLive}
        onClose={() => setGoLive(false)}
        busy={move.isPending}
        error={move.error}
        onConfirm={(body) => move.mutate({ action: 'go-live', body }, { onSuccess: () => setGoLive(false) })}
      />
      <CancelModal
        opened={cancel}
        onClose={() => setCancel(false)}
        busy={move.isPending}
        onConfirm={(reason) =>
          move.mutate({ action: 'cancel', body: { reason } }, { onSuccess: () => setCancel(false) })
        }
      />
    </Stack>
  );
}

const actionOf = (status: string): Action =>
  status === 'active' ? 'kickoff' : status === 'live' ? 'go-live' : status === 'closed' ? 'close' : 'cancel';

function Figure({ label, value, color, testId }: { label: string; value: string; color?: string; testId?: string }) {
  return (
    <Paper withBorder p="xs">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} c={color} data-testid={testId}>
        {value}
      </Text>
    </Paper>
  );
}

/** Go-live is confirmed item by item: the server refuses it while a checklist item is unconfirmed. */
function GoLiveModal({
  project,
  opened,
  onClose,
  onConfirm,
  busy,
  error,
}: {
  project: ProjectDetail;
  opened: boolean;
  onClose: () => void;
  onConfirm: (body: { on?: string; checklist: string[] }) => void;
  busy: boolean;
  error: Error | null;
}) {
  const [checked, setChecked] = useState<string[]>([]);
  const [on, setOn] = useState('');
  const all = project.goLiveChecklist;
  return (
    <Modal opened={opened} onClose={onClose} title="Record the go-live">
      <Stack>
        <Text size="sm">Confirm each item of the go-live checklist. The go-live milestone’s tasks must be done.</Text>
        <Checkbox.Group value={checked} onChange={setChecked} label="Go-live checklist">
          <Stack gap="xs" mt="xs">
            {all.map((item) => (
              <Checkbox key={item} value={item} label={item} />
            ))}
          </Stack>
        </Checkbox.Group>
        <TextInput
          label="Went live on"
          type="date"
          description="Today when left empty"
          value={on}
          onChange={(e) => setOn(e.currentTarget.value)}
        />
        {error && (
          <Text c="red" size="sm">
            {error instanceof ApiError ? error.problem.detail : error.message}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Not yet
          </Button>
          <Button
            onClick={() => onConfirm({ on: on || undefined, checklist: checked })}
            loading={busy}
            disabled={checked.length < all.length}
          >
            Go live
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function CancelModal({
  opened,
  onClose,
  onConfirm,
  busy,
}: {
  opened: boolean;
  onClose: () => void;
  onConfirm: (reason: string) => void;
  busy: boolean;
}) {
  const [reason, setReason] = useState('');
  return (
    <Modal opened={opened} onClose={onClose} title="Cancel the project">
      <Stack>
        <Textarea
          label="Why"
          required
          autosize
          minRows={3}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Keep it
          </Button>
          <Button color="red" onClick={() => onConfirm(reason.trim())} loading={busy} disabled={!reason.trim()}>
            Cancel project
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
