import { Alert, Button, Group, Modal, Paper, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useMembers } from '../api/queries.ts';
import { can } from '../api/session.ts';
import type { BriefDetail, Session } from '../api/types.ts';
import { formatDate, formatDateTime } from '../ui/format.ts';
import { promisedGoLivePassed } from './go-live.ts';

/** What the viewer can do with the brief now: submit it (account executive), accept or return it (delivery). */
export function ReviewActions({
  brief,
  session,
  dirty,
  busy,
  onSubmit,
  onAccept,
  onReturn,
}: {
  brief: BriefDetail;
  session: Session;
  dirty: boolean;
  busy: boolean;
  onSubmit: () => void;
  onAccept: (deliveryLeadUserId: string | null) => void;
  onReturn: (reasons: string[]) => void;
}) {
  const [returning, setReturning] = useState(false);
  const [confirmingAccept, setConfirmingAccept] = useState(false);
  const { completeness, threshold } = brief.score;
  const thin = completeness < threshold;
  const missing = brief.score.fields.filter((f) => f.status !== 'filled');
  const accept = () => (thin ? setConfirmingAccept(true) : onAccept(lead));
  const [reasons, setReasons] = useState('');
  const members = useMembers(can(session, 'users:read'));
  const [lead, setLead] = useState<string | null>(
    brief.deliveryLeadUserId ?? (session.role === 'delivery' ? (session.user?.id ?? null) : null),
  );
  const canWrite = can(session, 'handoffs:write');
  const canReview = can(session, 'handoffs:review');
  const editable = brief.state === 'draft' || brief.state === 'returned';
  return (
    <Paper withBorder p="md" data-testid="review-actions">
      <Stack gap="sm">
        {brief.state === 'returned' && (
          <Alert color="orange" variant="light" title="Returned by delivery" data-testid="return-reasons">
            <Stack gap={2}>
              {brief.returnReasons.map((r) => (
                <Text key={r} size="sm">
                  • {r}
                </Text>
              ))}
              <Text size="xs" c="dimmed">
                {formatDateTime(brief.returnedAt)}
              </Text>
            </Stack>
          </Alert>
        )}
        {promisedGoLivePassed(brief) && (
          <Alert color="red" variant="light" title="The promised go-live has passed" data-testid="go-live-passed">
            The customer was promised go-live on {formatDate(brief.promisedGoLive)}, and delivery has not started: agree
            a new date with the customer.
          </Alert>
        )}
        {brief.dealReopenedAt && (
          <Alert color="red" variant="light" title="Deal reopened in the CRM">
            Delivery cannot accept this brief until the deal is won and confirmed again.
          </Alert>
        )}
        {editable && canWrite && (
          <>
            {brief.score.missingRequired.length > 0 && (
              <Text size="xs" c="dimmed">
                Fill the required fields to submit.
              </Text>
            )}
            <Button onClick={onSubmit} loading={busy} disabled={brief.score.missingRequired.length > 0 || dirty}>
              Submit to delivery
            </Button>
            {dirty && (
              <Text size="xs" c="dimmed">
                Save your changes first.
              </Text>
            )}
          </>
        )}
        {brief.state === 'submitted' && canReview && (
          <>
            {can(session, 'users:read') && (
              <Select
                label="Delivery lead"
                data={(members.data ?? [])
                  .filter((m) => m.role !== 'partner')
                  .map((m) => ({ value: m.id, label: m.name }))}
                value={lead}
                onChange={setLead}
                searchable
              />
            )}
            {!brief.accountId && (
              <Text size="xs" c="orange">
                No customer account is linked yet: return the brief so the account executive links one.
              </Text>
            )}
            <Group grow>
              <Button
                color="teal"
                onClick={accept}
                loading={busy}
                disabled={!brief.accountId || brief.dealReopenedAt !== null}
              >
                Accept
              </Button>
              <Button variant="default" onClick={() => setReturning(true)}>
                Return…
              </Button>
            </Group>
          </>
        )}
        {brief.state === 'submitted' && !canReview && (
          <Text size="sm" c="dimmed">
            Waiting for delivery to accept it.
          </Text>
        )}
        {brief.state === 'accepted' && (
          <Text size="sm">Accepted {formatDateTime(brief.acceptedAt)}: the account is with its delivery lead.</Text>
        )}
      </Stack>
      <Modal
        opened={confirmingAccept}
        onClose={() => setConfirmingAccept(false)}
        title="Accept a brief below the threshold?"
        data-testid="accept-thin-brief"
      >
        <Stack gap="sm">
          <Text size="sm">
            This brief is {completeness} % complete, below the {threshold} % the workspace asks for.{' '}
            {missing.length > 0 ? 'Still missing or incomplete:' : ''}
          </Text>
          {missing.length > 0 && (
            <Stack gap={2} component="ul" style={{ margin: 0, paddingLeft: 20 }}>
              {missing.map((f) => (
                <Text key={f.field} size="sm" component="li">
                  {f.label}
                  {f.status === 'partial' ? ' (partly filled)' : ''}
                  {f.hint ? `: ${f.hint}` : ''}
                </Text>
              ))}
            </Stack>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmingAccept(false)}>
              Keep reviewing
            </Button>
            <Button
              color="teal"
              loading={busy}
              onClick={() => {
                setConfirmingAccept(false);
                onAccept(lead);
              }}
            >
              Accept at {completeness} %
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={returning} onClose={() => setReturning(false)} title="Return the brief to the account executive">
        <Stack>
          <Textarea
            label="Reasons"
            description="One per line: what is missing or wrong"
            autosize
            minRows={3}
            value={reasons}
            onChange={(e) => setReasons(e.currentTarget.value)}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setReturning(false)}>
              Cancel
            </Button>
            <Button
              color="orange"
              disabled={reasons.trim() === ''}
              onClick={() => {
                onReturn(
                  reasons
                    .split('\n')
                    .map((r) => r.trim())
                    .filter(Boolean),
                );
                setReturning(false);
                setReasons('');
              }}
            >
              Return brief
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
