/** The one table from error codes to HTTP statuses (STYLE.md §2). The UI picks its message by code. */
export const ERROR_STATUS = {
  'invalid-request': 400,
  'invalid-report': 400,
  'unknown-cell': 404,
  'agency-not-found': 404,
  'not-found': 404,
  internal: 500,
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
