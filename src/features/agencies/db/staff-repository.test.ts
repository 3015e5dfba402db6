import assert from 'node:assert/strict';
import { testOnBothDatabases } from '../../../../test-support/databases.ts';
import { agencyRepository } from './agency-repository.ts';
import { LOCK_AFTER_FAILURES, staffRepository } from './staff-repository.ts';

const T0 = new Date('2026-03-02T01:00:00.000Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
const days = (n: number) => new Date(T0.getTime() + n * 86_400_000);

async function withAccount(
  db: Parameters<typeof staffRepository>[0],
  policy = { idleMinutes: 30, passwordMaxDays: 90 },
) {
  await agencyRepository(db).create({ id: 'city', name: '某市教育局' }, T0.toISOString());
  const staff = staffRepository(db, policy);
  const account = await staff.create(
    { agencyId: 'city', username: 'li', displayName: '李', roles: ['officer'], password: 'Xq7-vel-Tarn-48' },
    T0.toISOString(),
  );
  return { staff, account };
}

testOnBothDatabases(
  'a session unused for longer than the idle limit ends; one in use goes on',
  async ({ db }) => {
    const { staff, account } = await withAccount(db);
    const { token } = await staff.startSession(account.id, T0);
    assert.ok(await staff.session(token, minutes(29)), 'used within 30 minutes');
    assert.ok(await staff.session(token, minutes(58)), 'the use at 29 minutes counted');
    assert.equal((await staff.sessionsOf(account.id, minutes(60))).length, 1);
    assert.equal(await staff.session(token, minutes(89)), undefined, '31 minutes idle');
    assert.equal(await staff.session(token, minutes(90)), undefined, 'and gone for good');
    assert.deepEqual(await staff.sessionsOf(account.id, minutes(90)), []);
  },
);

testOnBothDatabases('a password older than the limit must be changed at the next sign-in', async ({ db }) => {
  const { staff, account } = await withAccount(db);
  const fresh = await staff.signIn('li', 'Xq7-vel-Tarn-48', days(89));
  assert.ok(fresh.ok);
  assert.equal((await staff.status(account.id, days(89).toISOString()))?.mustChangePassword, false);
  const old = await staff.signIn('li', 'Xq7-vel-Tarn-48', days(91));
  assert.ok(old.ok);
  assert.equal((await staff.status(account.id, days(91).toISOString()))?.mustChangePassword, true);
  await staff.setPassword(account.id, 'Sunflower#River9', { mustChange: false }, days(91).toISOString());
  assert.equal((await staff.status(account.id, days(91).toISOString()))?.mustChangePassword, false);
});

testOnBothDatabases(
  'with no age limit a password never expires; failures in a row lock, a success resets',
  async ({ db }) => {
    const { staff, account } = await withAccount(db, { idleMinutes: 30, passwordMaxDays: 0 });
    await staff.signIn('li', 'Xq7-vel-Tarn-48', days(400));
    assert.equal((await staff.status(account.id, days(400).toISOString()))?.mustChangePassword, false);
    for (let i = 1; i < LOCK_AFTER_FAILURES; i++)
      assert.equal((await staff.signIn('li', 'wrong', days(400))).ok, false);
    assert.ok(
      (await staff.signIn('li', 'Xq7-vel-Tarn-48', days(400))).ok,
      'four failures then the right one',
    );
    const attempts = await Promise.all(
      Array.from({ length: LOCK_AFTER_FAILURES + 3 }, () => staff.signIn('li', 'wrong', days(400))),
    );
    assert.ok(
      attempts.some((a) => !a.ok && a.refused === 'locked'),
      'parallel guesses still lock',
    );
    const locked = await staff.signIn('li', 'Xq7-vel-Tarn-48', days(400));
    assert.ok(!locked.ok && locked.refused === 'locked');
    assert.ok(
      (await staff.signIn('li', 'Xq7-vel-Tarn-48', new Date(days(400).getTime() + 16 * 60_000))).ok,
      'after 15 minutes',
    );
  },
);
