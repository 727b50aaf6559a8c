import { Anchor, Badge, Button, Grid, Group, Loader, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import {
  type BriefContent as BriefContentShape,
  type CompletenessConfig,
  scoreBrief,
} from '../../../src/modules/handoffs/handoff.ts';
import { ApiError, api, get } from '../api/client.ts';
import { useNames } from '../api/queries.ts';
import { can } from '../api/session.ts';
import type { BriefContent, BriefDetail, Session } from '../api/types.ts';
import { SignalList } from '../signals/SignalList.tsx';
import { ErrorState } from '../ui/ErrorState.tsx';
import { formatDate, formatDateTime, formatMoney } from '../ui/format.ts';
import { AccountLink } from './AccountLink.tsx';
import { BriefForm, cleanContent } from './BriefForm.tsx';
import { Clarifications } from './Clarifications.tsx';
import { CompletenessCard } from './CompletenessCard.tsx';
import { BRIEF_STATE_COLORS, BRIEF_STATE_LABELS } from './labels.ts';
import { ReviewActions } from './ReviewActions.tsx';

/** One brief: the editor for the account executive, the review for delivery, questions and history. */
export function BriefPage({ session, id }: { session: Session; id: string }) {
  const qc = useQueryClient();
  const names = useNames(can(session, 'users:read'));
  const brief = useQuery({ queryKey: ['handoff', id], queryFn: () => get<BriefDetail>(`/api/v1/handoffs/${id}`) });
  const config = useQuery({
    queryKey: ['handoff-completeness'],
    queryFn: () => get<CompletenessConfig>('/api/v1/settings/handoff-completeness'),
  });
  const [draft, setDraft] = useState<BriefContent | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const b = brief.data;
  useEffect(() => {
    if (b) setDraft(null);
  }, [b]);
  const content = draft ?? b?.content ?? null;
  const hasPartner = Boolean(b && (b.deal.partnerName ?? b.account?.partnerId));
  // The score follows every keystroke: the same rule the server applies on save.
  const liveScore = useMemo(
    () =>
      b && content && config.data
        ? scoreBrief(cleanContent(content) as BriefContentShape, config.data, b.account?.segment ?? null, hasPartner)
        : b?.score,
    [b, content, config.data, hasPartner],
  );
  const onDone = (next: BriefDetail, message: string) => {
    qc.setQueryData(['handoff', id], next);
    qc.invalidateQueries({ queryKey: ['handoffs'] });
    qc.invalidateQueries({ queryKey: ['signals'] });
    notifications.show({ color: 'teal', message });
  };
  const onError = (err: Error) => {
    if (err instanceof ApiError) setErrors(err.fieldErrors());
    notifications.show({ color: 'red', message: err.message });
  };
  const save = useMutation({
    mutationFn: (c: BriefContent) =>
      api<BriefDetail>(
        'PUT',
        `/api/v1/handoffs/${id}/content`,
        { content: cleanContent(c) },
        { 'if-match': `"${b?.id}:${b?.updatedAt}"` },
      ),
    onSuccess: (next) => {
      setErrors({});
      onDone(next, 'Brief saved');
    },
    onError,
  });
  const link = useMutation({
    mutationFn: (accountId: string) =>
      api<BriefDetail>('PUT', `/api/v1/handoffs/${id}/content`, {
        content: cleanContent(content ?? b?.content ?? ({} as BriefContent)),
        accountId,
      }),
    onSuccess: (next) => onDone(next, `Linked to ${next.accountName}`),
    onError,
  });
  const submit = useMutation({
    mutationFn: () => api<BriefDetail>('POST', `/api/v1/handoffs/${id}/submit`, {}),
    onSuccess: (n) => onDone(n, 'Submitted to delivery'),
    onError,
  });
  const accept = useMutation({
    mutationFn: (deliveryLeadUserId: string | null) =>
      api<BriefDetail>('POST', `/api/v1/handoffs/${id}/accept`, { deliveryLeadUserId }),
    onSuccess: (n) => onDone(n, 'Brief accepted: the account is with delivery'),
    onError,
  });
  const giveBack = useMutation({
    mutationFn: (reasons: string[]) => api<BriefDetail>('POST', `/api/v1/handoffs/${id}/return`, { reasons }),
    onSuccess: (n) => onDone(n, 'Brief returned to the account executive'),
    onError,
  });

  if (brief.isPending) return <Loader />;
  if (brief.isError) return <ErrorState error={brief.error} />;
  if (!b || !content || !liveScore) return null;
  const editable = (b.state === 'draft' || b.state === 'returned') && can(session, 'handoffs:write');
  const dirty = draft !== null;
  return (
    <Stack data-testid="brief-page">
      <Anchor component={Link} to="/deals/handoffs" size="sm">
        ← All briefs
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="sm">
            <Title order={3}>{b.dealName}</Title>
            <Badge variant="light" color={BRIEF_STATE_COLORS[b.state]} data-testid="brief-state">
              {BRIEF_STATE_LABELS[b.state]}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {b.accountName ?? 'No account linked'} · {formatMoney(b.amount, b.currency)} · signed{' '}
            {formatDate(b.signedDate)} · AE {names.user(b.aeUserId)}
            {b.deliveryLeadUserId ? ` · delivery lead ${names.user(b.deliveryLeadUserId)}` : ''}
          </Text>
          {b.projectId && (
            <Anchor component={Link} to={`/delivery/projects/${b.projectId}`} size="sm" data-testid="brief-project">
              Open the delivery project →
            </Anchor>
          )}
        </div>
        {editable && (
          <Group gap="xs">
            {dirty && (
              <Button variant="default" onClick={() => setDraft(null)}>
                Discard
              </Button>
            )}
            <Button onClick={() => save.mutate(content)} loading={save.isPending} disabled={!dirty}>
              Save
            </Button>
          </Group>
        )}
      </Group>
      <SignalList subjectIds={[b.id, b.dealId]} />
      {!b.accountId && editable && (
        <AccountLink brief={b} onLink={(accountId) => link.mutate(accountId)} busy={link.isPending} />
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <BriefForm
            content={content}
            onChange={setDraft}
            disabled={!editable}
            hasPartner={hasPartner}
            errors={errors}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack>
            <ReviewActions
              brief={{ ...b, score: liveScore }}
              session={session}
              dirty={dirty}
              busy={submit.isPending || accept.isPending || giveBack.isPending}
              onSubmit={() => submit.mutate()}
              onAccept={(lead) => accept.mutate(lead)}
              onReturn={(reasons) => giveBack.mutate(reasons)}
            />
            <CompletenessCard score={liveScore} />
            <Clarifications brief={b} session={session} />
            <Paper withBorder p="md">
              <Title order={5} mb="sm">
                History
              </Title>
              <Timeline bulletSize={14} lineWidth={2} active={b.events.length}>
                {b.events.map((e) => (
                  <Timeline.Item key={`${e.at}-${e.to}`} title={BRIEF_STATE_LABELS[e.to]}>
                    <Text size="xs" c="dimmed">
                      {e.actor} · {formatDateTime(e.at)} · {e.completeness} %
                    </Text>
                    {e.note && <Text size="xs">{e.note}</Text>}
                  </Timeline.Item>
                ))}
              </Timeline>
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
