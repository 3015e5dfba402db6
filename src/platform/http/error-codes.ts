/** The one table from error codes to HTTP statuses (STYLE.md §2). The UI picks its message by code. */
export const ERROR_STATUS = {
  'invalid-request': 400,
  'invalid-report': 400,
  'unknown-cell': 404,
  'agency-not-found': 404,
  'not-found': 404,
  'not-signed-in': 401,
  'login-failed': 401,
  'account-locked': 423,
  'password-change-required': 403,
  forbidden: 403,
  'csrf-token-invalid': 403,
  'cross-site-request': 403,
  'case-not-found': 404,
  'concurrent-change': 409,
  conflict: 409,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  'case-refused': 422,
  'too-many-requests': 429,
  internal: 500,
  busy: 503,
  'disk-full': 507,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class HttpProblem extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** A step the law does not allow: 422 with the domain's own code (e.g. extension-too-long) and its data. */
export class RefusalProblem extends Error {
  constructor(
    readonly refusal: { readonly code: string },
    message: string,
    readonly status: 400 | 403 | 404 | 409 | 422 = 422,
  ) {
    super(message);
  }
}
