import { Box, Center, Container, Grid, Loader, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { LinkProblem } from './LinkProblem.tsx';
import { NameModal } from './NameModal.tsx';
import { PortalError, portalApi, type PortalTask, type PortalView, storedName, storeName } from './portal-api.ts';
import { PortalSummary } from './PortalSummary.tsx';
import { PortalPlan } from './PortalPlan.tsx';
import { PortalTimeline } from './PortalTimeline.tsx';
import { WhatWeNeed } from './WhatWeNeed.tsx';

/** The token is the rest of the path: /portal/<token>. */
export const portalToken = (pathname: string): string =>
  decodeURIComponent(pathname.replace(/^\/portal\/?/, '').split('/')[0] ?? '');

/**
 * The customer's page for their project, opened from a signed link with no login: where the go-live stands, what
 * is needed from them (with Done / Blocked buttons), the plan, and the conversation with the project team.
 */
export function PortalPage() {
  const token = portalToken(window.location.pathname);
  const qc = useQueryClient();
  const [name, setName] = useState(storedName);
  const [asking, setAsking] = useState<((name: string) => void) | null>(null);
  const view = useQuery({
    queryKey: ['portal', token],
    queryFn: () => portalApi.view(token),
    retry: false,
    enabled: token !== '',
  });
  const update = useMutation({
    mutationFn: (v: { task: PortalTask; state: PortalTask['state']; blockedReason?: string; by: string }) =>
      portalApi.updateTask(token, v.task.id, { state: v.state, blockedReason: v.blockedReason, by: v.by }),
    onSuccess: (next) => qc.setQueryData<PortalView>(['portal', token], next),
  });
  const comment = useMutation({
    mutationFn: (v: { text: string; by: string }) => portalApi.comment(token, v),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['portal', token] }),
  });
  /** Runs an action signed with the customer's name, asking for it the first time. */
  const asCustomer = (action: (by: string) => void) => {
    if (name) return action(name);
    setAsking(() => action);
  };

  if (!token) return <LinkProblem kind="invalid" />;
  if (view.isPending)
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  if (view.isError) {
    const err = view.error;
    if (err instanceof PortalError && (err.status === 401 || err.status === 404)) return <LinkProblem kind="invalid" />;
    if (err instanceof PortalError && err.status === 403)
      return <LinkProblem kind={/revoked/i.test(err.message) ? 'revoked' : 'expired'} detail={err.message} />;
    return <LinkProblem kind="error" detail={err.message} />;
  }
  const v = view.data;
  const actionError = update.error ?? comment.error;
  return (
    <Box bg="gray.0" mih="100vh" py="xl" data-testid="portal-page">
      <Container size="lg">
        <Stack gap="lg">
          <PortalSummary view={v} />
          {actionError && (
            <Text c="red" size="sm" role="alert">
              {actionError.message}
            </Text>
          )}
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 7 }}>
              <Stack gap="lg">
                <WhatWeNeed
                  tasks={v.tasks}
                  busyId={update.isPending ? update.variables?.task.id : undefined}
                  onChange={(task, state, blockedReason) =>
                    asCustomer((by) => update.mutate({ task, state, blockedReason, by }))
                  }
                />
                <PortalPlan view={v} />
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <PortalTimeline
                timeline={v.timeline}
                name={name}
                onChangeName={() => setAsking(() => () => {})}
                busy={comment.isPending}
                onComment={(text, done) => asCustomer((by) => comment.mutate({ text, by }, { onSuccess: done }))}
              />
            </Grid.Col>
          </Grid>
          <Text size="xs" c="dimmed" ta="center">
            This page is shared with you by your project team. Anyone with the link can see it, so keep it to your team.
          </Text>
        </Stack>
      </Container>
      <NameModal
        opened={asking !== null}
        initial={name}
        onClose={() => setAsking(null)}
        onSave={(n) => {
          storeName(n);
          setName(n);
          const action = asking;
          setAsking(null);
          action?.(n);
        }}
      />
    </Box>
  );
}
