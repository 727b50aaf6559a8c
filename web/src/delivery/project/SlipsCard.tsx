import { Badge, Button, Group, Paper, Popover, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { can } from '../../api/session.ts';
import type { Session } from '../../api/types.ts';
import { formatDate, formatDateTime } from '../../ui/format.ts';
import { SLIP_REASON_LABELS, slipReasonOptions } from '../labels.ts';
import type { ProjectDetail, ProjectSlip } from '../types.ts';
import { useProjectMutation } from './useProjectMutation.ts';

/** Every time the forecast moved past the promise; an unexplained slip stands out until someone gives its reason. */
export function SlipsCard({ project, session }: { project: ProjectDetail; session: Session }) {
  const explain = useProjectMutation(project.id, ({ slipId, code, note }: { slipId: string; code: string; note: string }) => ({ method: 'PUT', url: `/api/v1/projects/${project.id}/slips/${slipId}`, body: { code, note: note || null } }), 'Slip reason recorded');
  const unexplained = project.slips.filter((s) => !s.reasonCode).length;
  return (
    <Paper withBorder p="md" data-testid="slips">
      <Group justify="space-between" mb="xs">
        <Title order={5}>Slips</Title>
        {unexplained > 0 && (
          <Badge color="orange" variant="filled">
            {unexplained} without a reason
          </Badge>
        )}
      </Group>
      {project.slips.length === 0 ? (
        <Text size="sm" c="dimmed">
          The forecast has not moved past the promise.
        </Text>
      ) : (
        <Stack gap="xs">
          {project.slips.map((s) => (
            <SlipRow key={s.id} slip={s} canExplain={can(session, 'projects:write')} busy={explain.isPending} onExplain={(code, note) => explain.mutate({ slipId: s.id, code, note })} />
          ))}
        </Stack>
      )}
    </Paper>
  );
}

function SlipRow({ slip: s, canExplain, busy, onExplain }: { slip: ProjectSlip; canExplain: boolean; busy: boolean; onExplain: (code: string, note: string) => void }) {
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
              <Button size="xs" variant="light" color="orange" style={{ flexShrink: 0 }} onClick={() => setOpen((o) => !o)}>
                Give reason
              </Button>
            </Popover.Target>
            <Popover.Dropdown>
              <Stack gap="xs">
                <Select label="Reason" data={slipReasonOptions} value={code} onChange={setCode} comboboxProps={{ withinPortal: false }} />
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
