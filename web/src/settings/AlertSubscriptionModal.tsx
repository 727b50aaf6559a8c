import { Button, Group, Modal, Select, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError } from '../api/client.ts';
import type { AlertSubscription } from './alert-types.ts';
import { ChannelFields, channelPatch, targetFor } from './ChannelFields.tsx';
import { SignalFilterFields } from './SignalFilterFields.tsx';

/**
 * Adds or changes a subscription: the channel and where to, the stages and least severity it hears of, and when.
 * A changed channel or address enables again a subscription disabled after failures.
 */
export function AlertSubscriptionModal({
  editing,
  onClose,
}: {
  editing: AlertSubscription | null;
  onClose: () => void;
}) {
  const qc = useQueryClient();
  const [channel, setChannel] = useState<AlertSubscription['channel']>(editing?.channel ?? 'email');
  const [target, setTarget] = useState(editing?.target ?? '');
  const [secret, setSecret] = useState('');
  const [stages, setStages] = useState<string[]>(editing?.stages ?? []);
  const [minSeverity, setMinSeverity] = useState<string>(editing?.minSeverity ?? 'warning');
  const [mode, setMode] = useState<string>(editing?.mode ?? 'immediate');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () =>
      editing
        ? api<AlertSubscription>('PATCH', `/api/v1/alerts/subscriptions/${editing.id}`, {
            ...channelPatch(editing, { channel, target, secret }),
            stages,
            minSeverity,
            mode,
          })
        : api<AlertSubscription>('POST', '/api/v1/alerts/subscriptions', {
            channel,
            target,
            ...(channel === 'webhook' ? { secret } : {}),
            stages,
            minSeverity,
            mode,
          }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['alert-subscriptions'] });
      await qc.invalidateQueries({ queryKey: ['alert-deliveries'] });
      onClose();
    },
    onError: (err) => setErrors(err instanceof ApiError ? err.fieldErrors() : { target: String(err) }),
  });
  return (
    <Modal opened onClose={onClose} title={editing ? 'Change an alert subscription' : 'Add an alert subscription'}>
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
              if (editing) setTarget(targetFor(editing, v, ''));
            }}
            target={target}
            onTarget={setTarget}
            secret={secret}
            onSecret={setSecret}
            errors={errors}
            editing={editing}
          />
          <SignalFilterFields
            stages={stages}
            onStages={setStages}
            minSeverity={minSeverity}
            onMinSeverity={setMinSeverity}
            severityLabel="Least severe signal that alerts"
            errors={errors}
          />
          <Select
            label="When"
            value={mode}
            onChange={(v) => v && setMode(v)}
            data={[
              { value: 'immediate', label: 'As each signal opens or rises' },
              { value: 'daily_digest', label: 'Once a day, in a digest' },
            ]}
            allowDeselect={false}
            error={errors.mode}
          />
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
