/**
 * The customer portal's calls: no session, no cookies, no CSRF token; the signed link is the only key.
 * Errors keep their status, which says whether the link is invalid (401), expired or revoked (403).
 */
export interface PortalView {
  project: {
    name: string;
    accountName: string | null;
    status: string;
    kickoffOn: string | null;
    promisedGoLive: string | null;
    forecastGoLive: string | null;
    goLiveOn: string | null;
    firstValueOn: string | null;
  };
  milestones: Array<{
    key: string;
    name: string;
    phase: string;
    firstValue: boolean;
    goLive: boolean;
    forecastOn: string | null;
    completedOn: string | null;
  }>;
  tasks: PortalTask[];
  timeline: Array<{ at: string; actorKind: string; actor: string; kind: string; detail: Record<string, unknown> }>;
}

export interface PortalTask {
  id: string;
  name: string;
  phase: string;
  milestoneKey: string | null;
  state: 'todo' | 'in_progress' | 'blocked' | 'done';
  customerOwned: boolean;
  blockedReason: string | null;
  forecastStart: string | null;
  forecastFinish: string | null;
  doneOn: string | null;
}

export class PortalError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'PortalError';
  }
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method,
    credentials: 'omit',
    headers:
      body === undefined
        ? { accept: 'application/json' }
        : { accept: 'application/json', 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!res.ok) {
    const detail =
      data && typeof data === 'object' && 'detail' in data
        ? String((data as { detail: unknown }).detail)
        : res.statusText;
    throw new PortalError(res.status, detail || `the request failed (${res.status})`);
  }
  return data as T;
}

const base = (token: string) => `/api/portal/${encodeURIComponent(token)}`;

export const portalApi = {
  view: (token: string) => call<PortalView>('GET', base(token)),
  updateTask: (
    token: string,
    taskId: string,
    body: { state: PortalTask['state']; blockedReason?: string; by: string },
  ) => call<PortalView>('PATCH', `${base(token)}/tasks/${encodeURIComponent(taskId)}`, body),
  comment: (token: string, body: { text: string; by: string; taskId?: string }) =>
    call<void>('POST', `${base(token)}/comments`, body),
};

const NAME_KEY = 'baton.portal.name';
/** The customer says their name once; it signs every action from this browser. */
export const storedName = (): string => {
  try {
    return localStorage.getItem(NAME_KEY) ?? '';
  } catch {
    return '';
  }
};
export const storeName = (name: string) => {
  try {
    localStorage.setItem(NAME_KEY, name);
  } catch {
    // Private browsing without storage: the name is asked again next time.
  }
};
