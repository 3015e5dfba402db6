/** An app on a fresh SQLite database with agencies and signed-in staff, for the HTTP tests. */
import type { FastifyInstance } from 'fastify';
import { freshSqlite } from '../test-support/databases.ts';
import { createApp, type AppOptions } from '../src/main/app.ts';
import {
  agencyRepository,
  staffRepository,
  type Agency,
  type StaffRole,
} from '../src/features/agencies/index.ts';
import type { DatabaseHandle } from '../src/platform/db/database.ts';
import type { IsoDate } from '../src/shared/domain/iso-date.ts';

export interface SignedInApp {
  readonly app: FastifyInstance;
  readonly handle: DatabaseHandle;
  /** The session cookie and CSRF header of each account, by username. */
  readonly headers: Record<string, Record<string, string>>;
  close(): Promise<void>;
}

export async function signedInApp(options: {
  agencies: ReadonlyArray<Agency>;
  /** [username, agency, role or roles] */
  accounts: ReadonlyArray<readonly [string, string, StaffRole | readonly StaffRole[]]>;
  today: string;
  /** More of the app's options (e.g. its mail server). */
  appOptions?: Omit<AppOptions, 'clock'>;
}): Promise<SignedInApp> {
  const handle = await freshSqlite();
  for (const agency of options.agencies) await agencyRepository(handle.db).create(agency, 'now');
  const staff = staffRepository(handle.db);
  for (const [username, agencyId, role] of options.accounts)
    await staff.create(
      {
        agencyId,
        username,
        displayName: username,
        roles: typeof role === 'string' ? [role] : [...role],
        password: 'password-123456',
      },
      'now',
    );
  const app = await createApp(handle, {
    ...options.appOptions,
    clock: { today: () => options.today as IsoDate, now: () => `${options.today}T02:00:00Z` },
  });
  const headers: Record<string, Record<string, string>> = {};
  for (const [username] of options.accounts) {
    const login = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username, password: 'password-123456' },
    });
    headers[username] = {
      cookie: String(login.headers['set-cookie']).split(';')[0] ?? '',
      'x-csrf-token': login.json().csrfToken,
    };
  }
  return {
    app,
    handle,
    headers,
    close: async () => {
      await app.close();
      await handle.close();
    },
  };
}

/** A multipart/form-data body with one file, as a browser's upload form sends it. */
export function multipartFile(
  fileName: string,
  content: Buffer,
  /** Text fields sent before the file, as a form lists them. */
  fields: Record<string, string> = {},
): { contentType: string; payload: Buffer } {
  return multipartFiles([{ field: 'file', fileName, content }], fields);
}

/** Several files in one form, each in its field (an empty file input sends a part with no name or bytes). */
export function multipartFiles(
  files: ReadonlyArray<{ field: string; fileName: string; content: Buffer }>,
  fields: Record<string, string> = {},
): { contentType: string; payload: Buffer } {
  const boundary = '----gongkai-test-boundary';
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    payload: Buffer.concat([
      Buffer.from(parts.join('')),
      ...files.flatMap(({ field, fileName, content }) => [
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\n` +
            'Content-Type: application/octet-stream\r\n\r\n',
        ),
        content,
        Buffer.from('\r\n'),
      ]),
      Buffer.from(`--${boundary}--\r\n`),
    ]),
  };
}

/** Leaves a public message as a citizen's browser does: the page's form token and cookie, then the form. */
export async function leaveMessage(
  app: FastifyInstance,
  agencyId: string,
  fields: { subject: string; body: string; authorName: string; authorContact: string },
) {
  const form = await app.inject({ method: 'GET', url: `/agencies/${agencyId}/messages` });
  const token = /name="formToken" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
  const cookie = String(form.headers['set-cookie']).split(';')[0] ?? '';
  return app.inject({
    method: 'POST',
    url: `/agencies/${agencyId}/messages`,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ formToken: token, ...fields }).toString(),
  });
}
