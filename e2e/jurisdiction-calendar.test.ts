import { test } from 'node:test';
import assert from 'node:assert/strict';
import { freshSqlite } from '../test-support/databases.ts';
import { createApp } from '../src/main/app.ts';
import { agencyRepository, staffRepository } from '../src/features/agencies/index.ts';
import { calendarRepository } from '../src/features/work-calendar/index.ts';
import type { IsoDate } from '../src/shared/domain/iso-date.ts';

test("an agency's jurisdiction decides its calendar: a local holiday moves its due dates", async () => {
  const handle = await freshSqlite();
  const agencies = agencyRepository(handle.db);
  await agencies.create({ id: 'lhasa', name: '某自治区某局', jurisdiction: 'CN-XZ' }, 'now');
  await agencies.create({ id: 'beijing', name: '某市某局' }, 'now');
  await calendarRepository(handle.db).save({
    jurisdiction: 'CN-XZ',
    year: 2025,
    data: { holidays: { '2025-03-04': '某地方节日', '2025-03-05': '某地方节日' }, makeupWorkdays: {} },
    importedBy: 'admin',
    importedAt: 'now',
  });
  const staff = staffRepository(handle.db);
  for (const agency of ['lhasa', 'beijing'])
    await staff.create(
      {
        agencyId: agency,
        username: agency,
        displayName: agency,
        roles: ['officer'],
        password: 'password-123456',
      },
      'now',
    );
  const app = await createApp(handle, {
    clock: { today: () => '2025-03-03' as IsoDate, now: () => '2025-03-03T02:00:00Z' },
  });
  const dueOn = async (agency: string) => {
    const login = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: agency, password: 'password-123456' },
    });
    const headers = {
      cookie: String(login.headers['set-cookie']).split(';')[0] ?? '',
      'x-csrf-token': login.json().csrfToken,
    };
    const created = await app.inject({
      method: 'POST',
      url: `/api/agencies/${agency}/requests`,
      headers,
      payload: {
        channel: 'in-person',
        submittedOn: '2025-03-03',
        applicant: { type: 'natural', name: '甲' },
        application: { description: '某项信息的公开', delivery: 'online' },
      },
    });
    const view = await app.inject({
      method: 'GET',
      url: `/api/agencies/${agency}/requests/${created.json().id}`,
      headers,
    });
    return view.json().deadline.dueOn as string;
  };
  assert.equal(await dueOn('beijing'), '2025-03-31');
  assert.equal(await dueOn('lhasa'), '2025-04-02');
  await app.close();
  await handle.close();
});
