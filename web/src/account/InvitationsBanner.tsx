import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useNavigate } from 'react-router';
import type { Session } from '../api/types.ts';
import { ROLES } from '../ui/labels.ts';
import { useAcceptInvitation, useDeclineInvitation, useMyInvitations } from './invitations.ts';

/** Above every page after sign-in: the invitations waiting for me, to accept or decline. */
export function InvitationsBanner({ session }: { session: Session }) {
  const navigate = useNavigate();
  const invitations = useMyInvitations(session.user !== null);
  const accept = useAcceptInvitation();
  const decline = useDeclineInvitation();
  const items = invitations.data ?? [];
  if (items.length === 0) return null;
  return (
    <Stack gap="xs" mb="md" data-testid="invitations-banner">
      {items.map((i) => (
        <Alert key={i.id} color="blue" title={`You are invited to ${i.workspace.name}`}>
          <Group justify="space-between" wrap="wrap">
            <Text size="sm">
              {i.invitedBy} invites you to join as {ROLES[i.role]}.
            </Text>
            <Group gap="xs">
              <Button
                size="xs"
                loading={accept.isPending && accept.variables === i.id}
                onClick={() => accept.mutate(i.id, { onSuccess: () => navigate('/') })}
              >
                Accept and open {i.workspace.name}
              </Button>
              <Button
                size="xs"
                variant="default"
                loading={decline.isPending && decline.variables === i.id}
                onClick={() => decline.mutate(i.id)}
              >
                Decline
              </Button>
            </Group>
          </Group>
          {(accept.error ?? decline.error) && (
            <Text size="sm" c="red.8" role="alert">
              {(accept.error ?? decline.error)?.message}
            </Text>
          )}
        </Alert>
      ))}
    </Stack>
  );
}
