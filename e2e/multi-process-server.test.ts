import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { POSTGRES_SKIP_REASON, POSTGRES_URL } from '../test-support/databases.ts';
import { startServer, type RunningServer } from './start-server.ts';
import { HttpClient } from './http-client.ts';
import { withScratchSchema } from './scratch-schema.ts';

const PASSWORD = 'demo-password-for-tests';

interface OpenedForm {
  readonly cookie: string;
  readonly fields: Record<string, string>;
}

/** Opens the public application form as a browser does: its cookie and hidden fields. */
async function openApplicationForm(base: string): Promise<OpenedForm> {
  const response = await fetch(`${base}/agencies/demo/apply`);
  const page = await response.text();
  const hidden = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(page)?.[1] ?? '';
  return {
    cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
    fields: { formToken: hidden('formToken'), submission: hidden('submission') },
  };
}

async function submitForm(base: string, form: OpenedForm) {
  const body = new URLSearchParams({
    ...form.fields,
    applicantType: 'natural',
    name: '表单申请人',
    phone: '13800000001',
    email: 'form@example.cn',
    description: '多进程表单申请',
    delivery: 'email',
  });
  const response = await fetch(`${base}/agencies/demo/apply`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
  return { status: response.status, location: response.headers.get('location') ?? '' };
}

test(
  'two server processes on one PostgreSQL database: a session opened on one is good on the other, a sign-out ends it on both, applications numbered without gaps, a form filed once, files and limits shared',
  { skip: POSTGRES_URL ? false : POSTGRES_SKIP_REASON, timeout: 120_000 },
  async () => {
    await withScratchSchema(POSTGRES_URL!, 'ms', async (schema) => {
      const shared = { GONGKAI_SECRET: randomBytes(32).toString('hex'), GONGKAI_TODAY: '2025-03-03' };
      let first: RunningServer | undefined;
      let second: RunningServer | undefined;
      try {
        // The first process migrates and makes the demo agency; the second starts on what it left.
        first = await startServer({ ...shared, GONGKAI_DEMO_PASSWORD: PASSWORD }, { database: schema.url });
        await schema.migrated();
        second = await startServer({ ...shared, GONGKAI_NO_DEMO: '1' }, { database: schema.url });
        // Signed in through the first, known to the second.
        const officer = new HttpClient(first.url);
        assert.equal((await officer.login('officer', PASSWORD)).status, 200);
        const onSecond = new HttpClient(second.url);
        onSecond.adopt(officer);
        const seen = await onSecond.request('GET', '/api/session');
        assert.equal(seen.body.account?.username, 'officer', JSON.stringify(seen.body));
        // Signed out through the second: over on the first too.
        assert.equal((await onSecond.request('DELETE', '/api/session')).status, 200);
        const after = await officer.request('GET', '/api/session');
        assert.equal(after.body.account ?? null, null, JSON.stringify(after.body));

        // Applications registered at once through both processes: every number once, none skipped.
        const apply = (base: string, i: number) =>
          new HttpClient(base).request('POST', '/api/public/agencies/demo/applications', {
            applicant: {
              type: 'natural',
              name: `申请人${i}`,
              phone: '13800000000',
              email: `a${i}@example.cn`,
            },
            application: { description: `多进程申请 ${i}`, delivery: 'email' },
          });
        const [one, two] = [first.url, second.url];
        const made = await Promise.all(
          Array.from({ length: 10 }, (_, i) => apply(i % 2 === 0 ? one : two, i)),
        );
        for (const response of made) assert.equal(response.status, 201, JSON.stringify(response.body));
        const numbers = made
          .map((r) => Number(/^YSQ-2025-(\d{5})$/.exec(r.body.id)![1]))
          .sort((a, b) => a - b);
        assert.equal(new Set(numbers).size, 10, 'no number given twice');
        assert.equal(numbers.at(-1)! - numbers[0]!, 9, `no number skipped: ${numbers.join(', ')}`);

        // A public form posted through one process and again through the other is one application.
        assert.equal((await officer.login('officer', PASSWORD)).status, 200);
        const onSecondAgain = new HttpClient(two);
        onSecondAgain.adopt(officer);
        const countCases = async () =>
          (await onSecondAgain.request('GET', '/api/agencies/demo/requests')).body.total;
        const before = await countCases();
        const form = await openApplicationForm(one);
        const posted = await Promise.all([submitForm(one, form), submitForm(two, form)]);
        assert.deepEqual(
          posted.map((p) => p.status),
          [303, 303],
        );
        assert.equal(posted[0]!.location, posted[1]!.location, 'both posts lead to the same receipt');
        assert.equal(await countCases(), before + 1, 'the same form posted twice filed one application');
        const receipt = await fetch(two + posted[0]!.location, { headers: { cookie: form.cookie } });
        assert.equal(receipt.status, 200);
        assert.match(await receipt.text(), /查询码/, 'the receipt shows its query code on the other process');

        // A file attached through one process is served by the other.
        const caseId = made[0]!.body.id as string;
        const pdf = new TextEncoder().encode('%PDF-1.4\n% 多进程\n%%EOF\n');
        const attached = await officer.upload(
          `/api/agencies/demo/requests/${caseId}/files`,
          '答复材料.pdf',
          pdf,
        );
        assert.equal(attached.status, 201, JSON.stringify(attached.body));
        const served = await fetch(`${two}/api/agencies/demo/requests/${caseId}/files/${attached.body.id}`, {
          headers: { cookie: officer.cookieHeader },
        });
        assert.equal(served.status, 200);
        assert.deepEqual(new Uint8Array(await served.arrayBuffer()), pdf);

        // The per-address limits are counted for both processes together (the tracking query: 30 a minute).
        const query = (base: string) =>
          new HttpClient(base).request('POST', '/api/public/status', {
            id: 'YSQ-2025-99999',
            queryCode: 'ABCD-EFGH-JKLM',
          });
        const within = await Promise.all(
          Array.from({ length: 30 }, (_, i) => query(i % 2 === 0 ? one : two)),
        );
        assert.ok(
          within.every((r) => r.status !== 429),
          within.map((r) => r.status).join(','),
        );
        assert.equal((await query(one)).status, 429, 'the 31st query in the minute is refused on the first');
        assert.equal((await query(two)).status, 429, 'and on the second');
      } finally {
        await second?.stop();
        await first?.stop();
      }
    });
  },
);
