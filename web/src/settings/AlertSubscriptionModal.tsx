import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError } from '../api/client.ts';
import type { AlertSubscription } from './alert-types.ts';
import { ChannelFields } from './ChannelFields.tsx';
import { SignalFilterFields } from './SignalFilterFields.tsx';

/** Adds a subscription: the channel and where to, the stages and least severity it hears of. */
export function AlertSubscriptionModal({ onClose }: { onClose: () => void }) {
  const qc = useQueryClient();
  const [channel, setChannel] = useState<AlertSubscription['channel']>('email');
  const [target, setTarget] = useState('');
  const [secret, setSecret] = useState('');
  const [stages, setStages] = useState<string[]>([]);
  const [minSeverity, setMinSeverity] = useState('warning');
  const [mode, setMode] = useState('immediate');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useMutation({
    mutationFn: () =>
      api<AlertSubscription>('POST', '/api/v1/alerts/subscriptions', {
        channel,
        target,
        ...(channel === 'webhook' ? { secret } : {}),
        stages,
        minSeverity,
        mode,
      }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['alert-subscriptions'] });
      onClose();
    },
    onError: (err) => setErrors(err instanceof ApiError ? err.fieldErrors() : { target: String(err) }),
  });
  return (
    <Modal opened onClose={onClose} title="Add an alert subscription">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setErrors({});
          create.mutate();
        }}
      >
        <Stack>
          <ChannelFields
            channel={channel}
            onChannel={setChannel}
            target={target}
            onTarget={setTarget}
            secret={secret}
            onSecret={setSecret}
            errors={errors}
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
            <Button type="submit" loading={create.isPending}>
              Add
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
