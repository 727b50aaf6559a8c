import { PasswordInput, Select, TextInput } from '@mantine/core';
import type { AlertSubscription } from './alert-types.ts';

type Channel = AlertSubscription['channel'];

const TARGET_LABEL: Record<Channel, string> = {
  slack: 'Slack incoming webhook URL',
  email: 'Email address',
  webhook: 'Webhook URL',
};

/** Where an alert goes: the channel, its address, and a signed webhook's secret. */
export function ChannelFields(props: {
  channel: Channel;
  onChannel: (channel: Channel) => void;
  target: string;
  onTarget: (target: string) => void;
  /** Said under the address field, if anything. */
  targetDescription?: string;
  secret: string;
  onSecret: (secret: string) => void;
  errors: Record<string, string | undefined>;
}) {
  return (
    <>
      <Select
        label="Channel"
        value={props.channel}
        onChange={(v) => v && props.onChannel(v as Channel)}
        data={[
          { value: 'email', label: 'Email' },
          { value: 'slack', label: 'Slack' },
          { value: 'webhook', label: 'Signed webhook' },
        ]}
        allowDeselect={false}
        error={props.errors.channel}
      />
      <TextInput
        label={TARGET_LABEL[props.channel]}
        description={props.targetDescription}
        required
        value={props.target}
        onChange={(e) => props.onTarget(e.currentTarget.value)}
        error={props.errors.target}
      />
      {props.channel === 'webhook' && (
        <PasswordInput
          label="Signing secret"
          description="16 characters or more; Baton signs every delivery with it and never shows it again."
          required
          value={props.secret}
          onChange={(e) => props.onSecret(e.currentTarget.value)}
          error={props.errors.secret}
        />
      )}
    </>
  );
}
