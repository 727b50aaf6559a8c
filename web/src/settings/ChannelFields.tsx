import { PasswordInput, Select, Text, TextInput } from '@mantine/core';
import type { AlertSubscription } from './alert-types.ts';

type Channel = AlertSubscription['channel'];

const TARGET_LABEL: Record<Channel, string> = {
  slack: 'Slack incoming webhook URL',
  email: 'Email address',
  webhook: 'Webhook URL',
};

/**
 * What a change of an alert sends of its channel: the channel and address only when either changed (a Slack URL is
 * shown with its token hidden, so one left as shown is unchanged), and a webhook's secret when one was typed.
 */
export function channelPatch(
  editing: Pick<AlertSubscription, 'channel' | 'target'>,
  v: { channel: Channel; target: string; secret: string },
): { channel?: Channel; target?: string; secret?: string } {
  const moved = v.channel !== editing.channel || v.target.trim() !== editing.target;
  return {
    ...(moved ? { channel: v.channel, target: v.target } : {}),
    ...(v.channel === 'webhook' && v.secret ? { secret: v.secret } : {}),
  };
}

/** The address a dialog shows when its channel is switched: the one saved for that channel, or `fresh`. */
export const targetFor = (editing: AlertSubscription | null, channel: Channel, fresh: string): string =>
  editing && editing.channel === channel ? editing.target : fresh;

/**
 * Where an alert goes: the channel, its address, and a signed webhook's secret. `editing`: the subscription being
 * changed, whose webhook secret is kept unless a new one is typed and whose Slack URL is shown with its token hidden;
 * one disabled after failed deliveries says that a new address enables it again.
 */
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
  editing?: Pick<AlertSubscription, 'channel' | 'target' | 'hasSecret' | 'disabledReason'> | null;
}) {
  const editing = props.editing ?? null;
  const secretKept = editing !== null && editing.channel === 'webhook' && editing.hasSecret;
  const slackShown = editing !== null && props.channel === 'slack' && props.target === editing.target;
  return (
    <>
      {editing?.disabledReason && (
        <Text size="sm">
          Disabled after failed deliveries ({editing.disabledReason}). A new channel or address enables it again, and
          the alerts still waiting to be retried go there.
        </Text>
      )}
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
        description={
          slackShown ? 'Shown with its token hidden: paste the whole new URL to change it.' : props.targetDescription
        }
        required
        value={props.target}
        onChange={(e) => props.onTarget(e.currentTarget.value)}
        error={props.errors.target}
      />
      {props.channel === 'webhook' && (
        <PasswordInput
          label="Signing secret"
          description={
            secretKept
              ? 'Leave empty to keep the current secret, or type a new one of 16 characters or more.'
              : '16 characters or more; Baton signs every delivery with it and never shows it again.'
          }
          required={!secretKept}
          value={props.secret}
          onChange={(e) => props.onSecret(e.currentTarget.value)}
          error={props.errors.secret}
        />
      )}
    </>
  );
}
