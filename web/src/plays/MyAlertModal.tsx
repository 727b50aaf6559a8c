import { Button, Checkbox, Group, Modal, Radio, Select, Stack, Switch } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError } from '../api/client.ts';
import type { AlertSubscription } from '../settings/alert-types.ts';
import { ChannelFields, channelPatch, targetFor } from '../settings/ChannelFields.tsx';
import { SignalFilterFields } from '../settings/SignalFilterFields.tsx';

const HOURS = Array.from({ length: 24 }, (_, h) => ({ value: String(h), label: `${String(h).padStart(2, '0')}:00` }));
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
const zones = (): string[] => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [browserZone()];
  }
};

/**
 * Adds or changes one of my own subscriptions: where to (a new channel or address enables again one disabled after
 * failures), which signals (my accounts or all, stages, least severity), my play tasks due, at once or a daily
 * digest, and quiet hours.
 */
export function MyAlertModal({
  email,
  editing,
  onClose,
}: {
  email: string;
  editing: AlertSubscription | null;
  onClose: () => void;
}) {
  const qc = useQueryClient();
  const [channel, setChannel] = useState<AlertSubscription['channel']>(editing?.channel ?? 'email');
  const [target, setTarget] = useState(editing ? editing.target : email);
  const [secret, setSecret] = useState('');
  const [accounts, setAccounts] = useState<AlertSubscription['accounts']>(editing?.accounts ?? 'mine');
  const [stages, setStages] = useState<string[]>(editing?.stages ?? []);
  const [minSeverity, setMinSeverity] = useState<string>(editing?.minSeverity ?? 'warning');
  const [playTasks, setPlayTasks] = useState(editing?.playTasks ?? true);
  const [mode, setMode] = useState<string>(editing?.mode ?? 'immediate');
  const [quiet, setQuiet] = useState(editing ? editing.quietHours !== null : false);
  const [startHour, setStartHour] = useState(String(editing?.quietHours?.startHour ?? 20));
  const [endHour, setEndHour] = useState(String(editing?.quietHours?.endHour ?? 8));
  const [timeZone, setTimeZone] = useState(editing?.quietHours?.timeZone ?? browserZone());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const choices = {
    accounts,
    stages,
    minSeverity,
    playTasks,
    mode,
    quietHours: quiet ? { startHour: Number(startHour), endHour: Number(endHour), timeZone } : null,
  };
  const save = useMutation({
    mutationFn: () =>
      editing
        ? api<AlertSubscription>('PATCH', `/api/v1/alerts/my-subscriptions/${editing.id}`, {
            ...channelPatch(editing, { channel, target, secret }),
            ...choices,
          })
        : api<AlertSubscription>('POST', '/api/v1/alerts/my-subscriptions', {
            channel,
            target,
            ...(channel === 'webhook' ? { secret } : {}),
            ...choices,
          }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['my-alert-subscriptions'] });
      onClose();
    },
    onError: (err) => setErrors(err instanceof ApiError ? err.fieldErrors() : { target: String(err) }),
  });
  return (
    <Modal opened onClose={onClose} title={editing ? 'Change my alert' : 'Add an alert for me'} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setErrors({});
          save.mutate();
        }}
      >
        <Stack>
          <ChannelFields
            channel={channel}
            onChannel={(v) => {
              setChannel(v);
              setTarget(targetFor(editing, v, v === 'email' ? email : ''));
            }}
            target={target}
            onTarget={setTarget}
            targetDescription={channel === 'email' && !editing ? 'Your own address unless you change it.' : undefined}
            secret={secret}
            onSecret={setSecret}
            errors={errors}
            editing={editing}
          />
          <Radio.Group
            label="Signals on"
            value={accounts}
            onChange={(v) => setAccounts(v as AlertSubscription['accounts'])}
            error={errors.accounts}
          >
            <Group mt="xs">
              <Radio value="mine" label="The accounts I own (as AE, delivery lead, CSM or account manager)" />
              <Radio value="all" label="Every account" />
            </Group>
          </Radio.Group>
          <SignalFilterFields
            stages={stages}
            onStages={setStages}
            minSeverity={minSeverity}
            onMinSeverity={setMinSeverity}
            severityLabel="Least severe signal that reaches me"
            errors={errors}
          />
          <Checkbox
            label="My play tasks due"
            description="Tasks of plays assigned to me, due today or overdue: in the digest, or a morning message."
            checked={playTasks}
            onChange={(e) => setPlayTasks(e.currentTarget.checked)}
            error={errors.playTasks}
          />
          <Select
            label="When"
            value={mode}
            onChange={(v) => v && setMode(v)}
            data={[
              { value: 'immediate', label: 'As each signal opens or rises' },
              {
                value: 'daily_digest',
                label: 'Once a day: new severe signals, tasks due, renewals within 30 days, slips',
              },
            ]}
            allowDeselect={false}
            error={errors.mode}
          />
          <Switch
            label="Quiet hours"
            description="Alerts raised in these hours wait until they end; the daily digest is not held."
            checked={quiet}
            onChange={(e) => setQuiet(e.currentTarget.checked)}
          />
          {quiet && (
            <Group grow align="flex-start">
              <Select label="Quiet from" value={startHour} onChange={(v) => v && setStartHour(v)} data={HOURS} />
              <Select label="Until" value={endHour} onChange={(v) => v && setEndHour(v)} data={HOURS} />
              <Select
                label="Time zone"
                searchable
                value={timeZone}
                onChange={(v) => v && setTimeZone(v)}
                data={zones()}
                error={errors.timeZone}
              />
            </Group>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {editing ? 'Save' : 'Add'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
