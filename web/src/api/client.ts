/** A problem-details answer from the Baton API (RFC 9457). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  requestId?: string;
  errors?: Array<{ field: string; message: string }>;
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
  }

  get status(): number {
    return this.problem.status;
  }

  /** Field errors by the field's last segment (`body.email` → `email`), for forms. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem.errors ?? []) out[e.field.split('.').pop() ?? e.field] = e.message;
    return out;
  }
}

let csrfToken: string | null = null;
let onUnauthenticated: () => void = () => {};

export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};
export const setUnauthenticatedHandler = (fn: () => void) => {
  onUnauthenticated = fn;
};

/** Calls the API with the session cookie; writes carry the CSRF token; errors become ApiError. */
export async function api<T>(
  method: string,
  url: string,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...extraHeaders };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const res = await fetch(url, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  });
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const data: unknown = text ? JSON.parse(text) : undefined;
  if (!res.ok) {
    const problem: Problem =
      data && typeof data === 'object' && 'status' in data
        ? (data as Problem)
        : { type: 'about:blank', title: res.statusText, status: res.status, detail: text || res.statusText };
    if (res.status === 401 && url !== '/api/v1/session') onUnauthenticated();
    throw new ApiError(problem);
  }
  return data as T;
}

export const get = <T>(url: string) => api<T>('GET', url);

/** POSTs a file as the request body itself (a CSV to import), with the CSRF token; errors become ApiError. */
export async function upload<T>(url: string, file: Blob, contentType = 'text/csv'): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': contentType };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  const res = await fetch(url, { method: 'POST', headers, body: file, credentials: 'same-origin' });
  const text = await res.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!res.ok) {
    const problem: Problem =
      data && typeof data === 'object' && 'status' in data
        ? (data as Problem)
        : {
            type: 'about:blank',
            title: res.statusText,
            status: res.status,
            detail: res.statusText || `the upload failed (${res.status})`,
          };
    if (res.status === 401) onUnauthenticated();
    throw new ApiError(problem);
  }
  return data as T;
}

/** Builds a query string from the defined values only. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
