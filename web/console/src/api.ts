/** The console's only way to the server: the JSON API, with the session cookie and the CSRF token. */
export interface ApiError {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly details?: unknown;
}

export class ApiFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

let csrfToken = '';

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** For requests the JSON helper does not make (file uploads). */
export function getCsrfToken(): string {
  return csrfToken;
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(method !== 'GET' && csrfToken ? { 'x-csrf-token': csrfToken } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const data = (await response.json().catch(() => ({}))) as {
    error?: { code: string; message: string; details?: unknown };
  };
  if (!response.ok) {
    throw new ApiFailure({
      status: response.status,
      code: data.error?.code ?? 'unknown',
      message: data.error?.message ?? `请求失败（${response.status}）`,
      details: data.error?.details,
    });
  }
  return data as T;
}

export interface Session {
  readonly account: {
    id: string;
    username: string;
    displayName: string;
    agencyId: string;
    roles: string[];
    roleLabels: string[];
  };
  readonly csrfToken: string;
  /** After a reset, or for a new account: the password must be changed before anything else. */
  readonly mustChangePassword: boolean;
  /** Today in China, by the server's clock: the default for every date field. */
  readonly today: string;
}

/** Posts a form (multipart, its files with it) to `path`: the answer, or the server's message when it refuses. */
export async function postForm<T>(
  path: string,
  form: HTMLFormElement,
): Promise<{ ok: true; data: T } | { ok: false; message: string }> {
  const response = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'x-csrf-token': getCsrfToken() },
    body: new FormData(form),
  });
  const data = (await response.json().catch(() => ({}))) as T & { error?: { message?: string } };
  return response.ok
    ? { ok: true, data }
    : { ok: false, message: data.error?.message ?? `上传失败（${response.status}）` };
}

/** Uploads a form's file (multipart) to `path`; the server's message when it refuses. */
export async function uploadForm(path: string, form: HTMLFormElement): Promise<string | undefined> {
  const sent = await postForm<unknown>(path, form);
  return sent.ok ? undefined : sent.message;
}
