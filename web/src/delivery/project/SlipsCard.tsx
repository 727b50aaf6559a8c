import {
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Paper,
  Popover,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { can } from '../../api/session.ts';
import type { Session } from '../../api/types.ts';
import { formatDate, formatDateTime } from '../../ui/format.ts';
import { SLIP_REASON_LABELS, slipReasonOptions } from '../labels.ts';
import type { ProjectDetail, ProjectSlip } from '../types.ts';
import { useProjectMutation } from './useProjectMutation.ts';

/** Every time the forecast moved past the promise; an unexplained slip stands out until someone gives its reason. */
export function SlipsCard({ project, session }: { project: ProjectDetail; session: Session }) {
  const explain = useProjectMutation(
    project.id,
    ({ slipId, code, note }: { slipId: string; code: string; note: string }) => ({
      method: 'PUT',
      url: `/api/v1/projects/${project.id}/slips/${slipId}`,
      body: { code, note: note || null },
    }),
    'Slip reason recorded',
  );
  const unexplained = project.slips.filter((s) => !s.reasonCode).length;
  const [dialog, setDialog] = useState<'slip' | 'promise' | null>(null);
  const planned = project.status === 'queued' || project.status === 'active';
  return (
    <Paper withBorder p="md" data-testid="slips">
      <Group justify="space-between" mb="xs">
        <Title order={5}>Slips</Title>
        <Group gap="xs">
          {unexplained > 0 && (
            <Badge color="orange" variant="filled">
              {unexplained} without a reason
            </Badge>
          )}
          {planned && project.promisedGoLive && can(session, 'projects:write') && (
            <Button size="xs" variant="light" onClick={() => setDialog('slip')}>
              Record a slip…
            </Button>
          )}
          {planned && can(session, 'projects:manage') && (
            <Button size="xs" variant="light" onClick={() => setDialog('promise')}>
              New promise…
            </Button>
          )}
        </Group>
      </Group>
      {project.slips.length === 0 ? (
        // Said only of a project that is not late: the server records a slip whenever a project is shown late.
        !project.late && (
          <Text size="sm" c="dimmed">
            The forecast has not moved past the promise.
          </Text>
        )
      ) : (
        <Stack gap="xs">
          {project.slips.map((s) => (
            <SlipRow
              key={s.id}
              slip={s}
              canExplain={can(session, 'projects:write')}
              busy={explain.isPending}
              onExplain={(code, note) => explain.mutate({ slipId: s.id, code, note })}
            />
          ))}
        </Stack>
      )}
      {project.promiseChanges.length > 0 && (
        <Stack gap={4} mt="sm" data-testid="promise-changes">
          <Text size="xs" fw={600} c="dimmed">
            Promise history
          </Text>
          {project.promiseChanges.map((c) => (
            <Text size="xs" key={c.at}>
              {formatDateTime(c.at)}: {c.from ? formatDate(c.from) : 'none'} → {formatDate(c.to)} ·{' '}
              {SLIP_REASON_LABELS[c.reasonCode] ?? c.reasonCode}
              {c.note ? `: ${c.note}` : ''} · agreed by {c.agreedBy}
              {c.customerAgreed ? ' (customer)' : ''} · recorded by {c.by}
            </Text>
          ))}
        </Stack>
      )}
      <SlipModal project={project} opened={dialog === 'slip'} onClose={() => setDialog(null)} />
      <PromiseModal project={project} opened={dialog === 'promise'} onClose={() => setDialog(null)} />
    </Paper>
  );
}

/** A slip the plan does not show yet (a customer's freeze, a late contract): recorded by hand, with its reason. */
function SlipModal({ project, opened, onClose }: { project: ProjectDetail; opened: boolean; onClose: () => void }) {
  const record = useProjectMutation(
    project.id,
    (body: { expectedOn: string; reason: { code: string; note: string | null } }) => ({
      method: 'POST',
      url: `/api/v1/projects/${project.id}/slips`,
      body,
    }),
    'Slip recorded',
  );
  const [on, setOn] = useState('');
  const [code, setCode] = useState<string | null>(null);
  const [note, setNote] = useState('');
  return (
    <Modal opened={opened} onClose={onClose} title="Record a slip">
      <Stack>
        <Text size="sm">The go-live is now expected after the promised {formatDate(project.promisedGoLive)}.</Text>
        <DayAndReason
          dayLabel="Go-live now expected on"
          day={on}
          onDay={setOn}
          code={code}
          onCode={setCode}
          note={note}
          onNote={setNote}
        />
        {record.error && (
          <Text c="red" size="sm">
            {record.error.message}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            disabled={!on || !code}
            loading={record.isPending}
            onClick={() =>
              code &&
              record.mutate({ expectedOn: on, reason: { code, note: note.trim() || null } }, { onSuccess: onClose })
            }
          >
            Record slip
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** A new promised go-live agreed (with the customer, or within the team): why, and who agreed it. */
function PromiseModal({ project, opened, onClose }: { project: ProjectDetail; opened: boolean; onClose: () => void }) {
  const agree = useProjectMutation(
    project.id,
    (body: {
      promisedGoLive: string;
      reason: { code: string; note: string | null };
      agreedBy: string;
      customerAgreed: boolean;
    }) => ({ method: 'POST', url: `/api/v1/projects/${project.id}/promise`, body }),
    (p) => `Promised go-live is now ${formatDate(p.promisedGoLive)}`,
  );
  const [on, setOn] = useState('');
  const [code, setCode] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [agreedBy, setAgreedBy] = useState('');
  const [customer, setCustomer] = useState(true);
  return (
    <Modal opened={opened} onClose={onClose} title="Agree a new promised go-live">
      <Stack>
        <Text size="sm">
          Promised now: {formatDate(project.promisedGoLive)}. Slips from here on are measured against the new date.
        </Text>
        <DayAndReason
          dayLabel="New promised go-live"
          day={on}
          onDay={setOn}
          code={code}
          onCode={setCode}
          note={note}
          onNote={setNote}
        />
        <TextInput
          label="Agreed by"
          required
          description="Who agreed the new date, e.g. the customer’s sponsor"
          value={agreedBy}
          onChange={(e) => setAgreedBy(e.currentTarget.value)}
        />
        <Checkbox
          label="The customer agreed it"
          checked={customer}
          onChange={(e) => setCustomer(e.currentTarget.checked)}
        />
        {agree.error && (
          <Text c="red" size="sm">
            {agree.error.message}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            disabled={!on || !code || !agreedBy.trim()}
            loading={agree.isPending}
            onClick={() =>
              code &&
              agree.mutate(
                {
                  promisedGoLive: on,
                  reason: { code, note: note.trim() || null },
                  agreedBy: agreedBy.trim(),
                  customerAgreed: customer,
                },
                { onSuccess: onClose },
              )
            }
          >
            Agree new promise
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function SlipRow({
  slip: s,
  canExplain,
  busy,
  onExplain,
}: {
  slip: ProjectSlip;
  canExplain: boolean;
  busy: boolean;
  onExplain: (code: string, note: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const [code, setCode] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const missing = !s.reasonCode;
  return (
    <Paper p="xs" bg={missing ? 'orange.0' : 'gray.0'} data-testid="slip">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div style={{ minWidth: 0, flex: 1 }}>
          <Text size="sm" fw={600}>
            +{s.days} days past the promise: {s.fromForecast ? `${formatDate(s.fromForecast)} → ` : 'forecast '}
            {formatDate(s.toForecast)}
          </Text>
          <Text size="xs" c="dimmed">
            Recorded {formatDateTime(s.recordedAt)} · promised {formatDate(s.promisedGoLive)}
          </Text>
          {s.reasonCode ? (
            <Text size="xs">
              {SLIP_REASON_LABELS[s.reasonCode] ?? s.reasonCode}
              {s.note ? `: ${s.note}` : ''} {s.explainedBy ? `(${s.explainedBy})` : ''}
            </Text>
          ) : (
            <Text size="xs" c="orange.8" fw={600}>
              No reason given yet
            </Text>
          )}
        </div>
        {missing && canExplain && (
          <Popover opened={open} onChange={setOpen} position="bottom-end" width={300} trapFocus withArrow>
            <Popover.Target>
              <Button
                size="xs"
                variant="light"
                color="orange"
                style={{ flexShrink: 0 }}
                onClick={() => setOpen((o) => !o)}
              >
                Give reason
              </Button>
            </Popover.Target>
            <Popover.Dropdown>
              <Stack gap="xs">
                <Select
                  label="Reason"
                  data={slipReasonOptions}
                  value={code}
                  onChange={setCode}
                  comboboxProps={{ withinPortal: false }}
                />
                <TextInput label="Note" value={note} onChange={(e) => setNote(e.currentTarget.value)} />
                <Button
                  size="xs"
                  disabled={!code}
                  loading={busy}
                  onClick={() => {
                    if (code) onExplain(code, note.trim());
                    setOpen(false);
                  }}
                >
                  Save reason
                </Button>
              </Stack>
            </Popover.Dropdown>
          </Popover>
        )}
      </Group>
    </Paper>
  );
}

/** The day a slip or a promise names, with its reason code and a note: both dialogs ask the same. */
function DayAndReason(props: {
  dayLabel: string;
  day: string;
  onDay: (v: string) => void;
  code: string | null;
  onCode: (v: string | null) => void;
  note: string;
  onNote: (v: string) => void;
}) {
  return (
    <>
      <TextInput
        label={props.dayLabel}
        type="date"
        required
        value={props.day}
        onChange={(e) => props.onDay(e.currentTarget.value)}
      />
      <Select
        label="Reason"
        required
        data={slipReasonOptions}
        value={props.code}
        onChange={props.onCode}
        comboboxProps={{ withinPortal: false }}
      />
      <TextInput label="Note" value={props.note} onChange={(e) => props.onNote(e.currentTarget.value)} />
    </>
  );
}
