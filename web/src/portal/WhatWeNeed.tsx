import { Badge, Button, Group, Paper, Popover, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { formatDate } from '../ui/format.ts';
import type { PortalTask } from './portal-api.ts';

/** The customer's own open tasks, soonest first, each with the buttons to say it is done or what blocks it. */
export function WhatWeNeed({
  tasks,
  busyId,
  onChange,
}: {
  tasks: PortalTask[];
  busyId: string | undefined;
  onChange: (task: PortalTask, state: PortalTask['state'], blockedReason?: string) => void;
}) {
  const mine = tasks.filter((t) => t.customerOwned);
  const open = mine
    .filter((t) => t.state !== 'done')
    .sort((a, b) => (a.forecastStart ?? '9999').localeCompare(b.forecastStart ?? '9999'));
  const done = mine.length - open.length;
  return (
    <Paper withBorder p="lg" data-testid="what-we-need">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          What we need from you
        </Title>
        {done > 0 && (
          <Text size="sm" c="dimmed">
            {done} done, thank you
          </Text>
        )}
      </Group>
      {open.length === 0 ? (
        <Text c="dimmed">Nothing right now. We will let you know here when we need something.</Text>
      ) : (
        <Stack gap="sm">
          {open.map((t) => (
            <CustomerTask key={t.id} task={t} busy={busyId === t.id} onChange={onChange} />
          ))}
        </Stack>
      )}
    </Paper>
  );
}

function CustomerTask({
  task: t,
  busy,
  onChange,
}: {
  task: PortalTask;
  busy: boolean;
  onChange: (task: PortalTask, state: PortalTask['state'], blockedReason?: string) => void;
}) {
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const overdue = t.forecastFinish !== null && t.forecastFinish < new Date().toISOString().slice(0, 10);
  return (
    <Paper p="sm" bg={t.state === 'blocked' ? 'red.0' : 'gray.0'} data-testid="customer-task" data-task-name={t.name}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div>
          <Text fw={600}>{t.name}</Text>
          <Text size="sm" c={overdue ? 'orange.8' : 'dimmed'}>
            {t.forecastFinish ? `Needed by ${formatDate(t.forecastFinish)}` : 'Date to be set'}
            {t.state === 'in_progress' ? ' · in progress' : ''}
          </Text>
          {t.state === 'blocked' && (
            <Group gap={6} mt={4}>
              <Badge color="red" variant="light">
                Blocked
              </Badge>
              <Text size="sm">{t.blockedReason}</Text>
            </Group>
          )}
        </div>
        <Group gap="xs" wrap="nowrap">
          {t.state === 'blocked' ? (
            <Button size="xs" variant="default" loading={busy} onClick={() => onChange(t, 'in_progress')}>
              No longer blocked
            </Button>
          ) : (
            <Popover opened={asking} onChange={setAsking} position="bottom-end" width={300} trapFocus withArrow>
              <Popover.Target>
                <Button size="xs" variant="default" color="red" onClick={() => setAsking((a) => !a)}>
                  Blocked…
                </Button>
              </Popover.Target>
              <Popover.Dropdown>
                <Stack gap="xs">
                  <Textarea
                    label="What is in the way?"
                    autosize
                    minRows={2}
                    value={reason}
                    onChange={(e) => setReason(e.currentTarget.value)}
                  />
                  <Button
                    size="xs"
                    color="red"
                    disabled={!reason.trim()}
                    onClick={() => {
                      onChange(t, 'blocked', reason.trim());
                      setAsking(false);
                      setReason('');
                    }}
                  >
                    Tell the team
                  </Button>
                </Stack>
              </Popover.Dropdown>
            </Popover>
          )}
          <Button size="xs" color="teal" loading={busy} onClick={() => onChange(t, 'done')}>
            Done
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
