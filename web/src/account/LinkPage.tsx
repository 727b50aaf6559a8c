import {
  Alert,
  Anchor,
  Button,
  Center,
  Divider,
  Loader,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { api, ApiError } from '../api/client.ts';
import { useLogout } from '../api/session.ts';
import type { Role, Session } from '../api/types.ts';
import { formatDate } from '../ui/format.ts';
import { ROLES } from '../ui/labels.ts';
import { useAcceptInvitation } from './invitations.ts';

/** The pages a link opens, outside the signed-in shell: `/invite#<token>` and `/set-password#<token>`. */
export const LINK_PAGES = ['/invite', '/set-password'] as const;
export const isLinkPage = (pathname: string): boolean =>
  (LINK_PAGES as readonly string[]).includes(pathname.replace(/\/+$/, ''));

/** The token rides in the fragment, which the browser never sends to a server. */
const tokenOfLocation = (): string => decodeURIComponent(window.location.hash.replace(/^#/, ''));

const goHome = () => window.location.assign('/');

interface InvitationPreview {
  id: string;
  workspace: { slug: string; name: string };
  email: string;
  name: string | null;
  role: Role;
  expiresAt: string;
}

export function LinkPage({ session }: { session: Session | null }) {
  const token = tokenOfLocation();
  const setPassword = window.location.pathname.startsWith('/set-password');
  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Paper withBorder shadow="sm" p="xl" w={440} component="main">
        {!token ? (
          <LinkProblem message="This link is incomplete: open the whole link you were sent." />
        ) : setPassword ? (
          <SetPassword token={token} />
        ) : (
          <Invitation token={token} session={session} />
        )}
      </Paper>
    </Center>
  );
}

function Heading({ children }: { children: ReactNode }) {
  return (
    <Stack gap={4}>
      <img src="/favicon.svg" alt="" width={36} height={36} />
      <Title order={1} size="h2">
        {children}
      </Title>
    </Stack>
  );
}

function LinkProblem({ message }: { message: string }) {
  return (
    <Stack>
      <Heading>This link does not work</Heading>
      <Alert color="red" role="alert" data-testid="link-problem">
        {message}
      </Alert>
      <Anchor href="/">Go to the sign-in page</Anchor>
    </Stack>
  );
}

const problemOf = (err: Error): string =>
  err instanceof ApiError && err.status === 404
    ? 'This link is not valid: check that you opened the whole link.'
    : err.message;

/** Signs in and refreshes the session, for the pages that end signed in. */
function useSignIn() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; password: string; workspace?: string }) =>
      api<void>('POST', '/api/v1/session', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['session'] }),
  });
}

function Invitation({ token, session }: { token: string; session: Session | null }) {
  const preview = useQuery({
    queryKey: ['invitation-link', token],
    queryFn: () => api<InvitationPreview>('POST', '/api/v1/invitation-links/preview', { token }),
    retry: false,
  });
  if (preview.isPending) return <Loader aria-label="Loading the invitation" />;
  if (preview.isError) return <LinkProblem message={problemOf(preview.error)} />;
  const inv = preview.data;
  return (
    <Stack>
      <Heading>Join {inv.workspace.name}</Heading>
      <Text size="sm">
        You are invited to join <b>{inv.workspace.name}</b> on Baton as <b>{ROLES[inv.role]}</b>, with the email{' '}
        {inv.email}. The invitation works until {formatDate(inv.expiresAt)}.
      </Text>
      {session?.user ? (
        <AcceptSignedIn invitation={inv} session={session} />
      ) : (
        <JoinSignedOut token={token} invitation={inv} />
      )}
    </Stack>
  );
}

function AcceptSignedIn({ invitation, session }: { invitation: InvitationPreview; session: Session }) {
  const accept = useAcceptInvitation();
  const logout = useLogout();
  if (session.user?.email !== invitation.email) {
    return (
      <Stack>
        <Alert color="yellow">
          You are signed in as {session.user?.email}, but this invitation is for {invitation.email}. Sign out, then open
          the link again.
        </Alert>
        <Button variant="default" onClick={() => logout.mutate()}>
          Sign out
        </Button>
      </Stack>
    );
  }
  return (
    <Stack>
      {accept.isError && (
        <Alert color="red" role="alert">
          {accept.error.message}
        </Alert>
      )}
      <Button loading={accept.isPending} onClick={() => accept.mutate(invitation.id, { onSuccess: goHome })}>
        Accept and open {invitation.workspace.name}
      </Button>
    </Stack>
  );
}

function JoinSignedOut({ token, invitation }: { token: string; invitation: InvitationPreview }) {
  const signIn = useSignIn();
  const [name, setName] = useState(invitation.name ?? '');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [existing, setExisting] = useState('');
  const join = useMutation({
    mutationFn: () =>
      api<{ email: string; workspace: string }>('POST', '/api/v1/invitation-links/redeem', {
        token,
        password,
        name: name.trim() || undefined,
      }),
    onSuccess: (r) => signIn.mutate({ email: r.email, password, workspace: r.workspace }, { onSuccess: goHome }),
  });
  const errors = join.error instanceof ApiError ? join.error.fieldErrors() : {};
  const submitNew = (e: FormEvent) => {
    e.preventDefault();
    const differ = password !== repeat;
    setMismatch(differ);
    if (!differ) join.mutate();
  };
  // With a login: its password accepts the invitation, then signs in to the workspace.
  const accept = useMutation({
    mutationFn: () =>
      api<{ email: string; workspace: string }>('POST', '/api/v1/invitation-links/redeem', {
        token,
        password: existing,
      }),
    onSuccess: (r) =>
      signIn.mutate({ email: r.email, password: existing, workspace: r.workspace }, { onSuccess: goHome }),
  });
  const submitExisting = (e: FormEvent) => {
    e.preventDefault();
    accept.mutate();
  };
  return (
    <Stack>
      <Stack component="form" onSubmit={submitNew} aria-labelledby="new-to-baton">
        <Title order={2} size="h4" id="new-to-baton">
          New to Baton? Choose your name and password
        </Title>
        <TextInput
          label="Your name"
          autoComplete="name"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
        />
        <PasswordInput
          label="Password"
          description="At least 10 characters"
          autoComplete="new-password"
          required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={errors.password}
        />
        <PasswordInput
          label="Password again"
          autoComplete="new-password"
          required
          value={repeat}
          onChange={(e) => setRepeat(e.currentTarget.value)}
          error={mismatch ? 'the two passwords differ' : undefined}
        />
        {join.isError && !Object.keys(errors).length && (
          <Alert
            color={join.error instanceof ApiError && join.error.status === 409 ? 'yellow' : 'red'}
            role="alert"
            data-testid="join-error"
          >
            {join.error.message}
          </Alert>
        )}
        <Button type="submit" loading={join.isPending || signIn.isPending}>
          Join {invitation.workspace.name}
        </Button>
      </Stack>
      <Divider label="or" />
      <Stack component="form" onSubmit={submitExisting} aria-labelledby="have-a-login">
        <Title order={2} size="h4" id="have-a-login">
          Already have a Baton login? Accept with its password
        </Title>
        <TextInput label="Email" value={invitation.email} readOnly autoComplete="username" />
        <PasswordInput
          label="Your password"
          autoComplete="current-password"
          required
          value={existing}
          onChange={(e) => setExisting(e.currentTarget.value)}
        />
        {(accept.isError || (signIn.isError && accept.isSuccess)) && (
          <Alert color="red" role="alert">
            {(accept.error ?? signIn.error)?.message}
          </Alert>
        )}
        <Button type="submit" variant="default" loading={accept.isPending || (signIn.isPending && accept.isSuccess)}>
          Sign in and accept
        </Button>
      </Stack>
    </Stack>
  );
}

function SetPassword({ token }: { token: string }) {
  const preview = useQuery({
    queryKey: ['password-link', token],
    queryFn: () =>
      api<{ email: string; name: string; expiresAt: string }>('POST', '/api/v1/password-links/preview', { token }),
    retry: false,
  });
  const signIn = useSignIn();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const set = useMutation({
    mutationFn: () => api<{ email: string }>('POST', '/api/v1/password-links/redeem', { token, password }),
    onSuccess: (r) => signIn.mutate({ email: r.email, password }, { onSuccess: goHome }),
  });
  if (preview.isPending) return <Loader aria-label="Loading the link" />;
  if (preview.isError) return <LinkProblem message={problemOf(preview.error)} />;
  const errors = set.error instanceof ApiError ? set.error.fieldErrors() : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const differ = password !== repeat;
    setMismatch(differ);
    if (!differ) set.mutate();
  };
  return (
    <Stack component="form" onSubmit={submit}>
      <Heading>Choose your password</Heading>
      <Text size="sm">
        For {preview.data.name} ({preview.data.email}). The link works once, until {formatDate(preview.data.expiresAt)};
        your other sessions end.
      </Text>
      <TextInput label="Email" value={preview.data.email} readOnly autoComplete="username" />
      <PasswordInput
        label="New password"
        description="At least 10 characters"
        autoComplete="new-password"
        required
        value={password}
        onChange={(e) => setPassword(e.currentTarget.value)}
        error={errors.password}
      />
      <PasswordInput
        label="New password again"
        autoComplete="new-password"
        required
        value={repeat}
        onChange={(e) => setRepeat(e.currentTarget.value)}
        error={mismatch ? 'the two passwords differ' : undefined}
      />
      {(set.isError || signIn.isError) && !Object.keys(errors).length && (
        <Alert color="red" role="alert">
          {(set.error ?? signIn.error)?.message}
        </Alert>
      )}
      <Button type="submit" loading={set.isPending || signIn.isPending}>
        Set password and sign in
      </Button>
    </Stack>
  );
}
