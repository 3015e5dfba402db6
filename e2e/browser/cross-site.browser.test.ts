/**
 * Attacks from a page on another origin of the same site (another port of the same host: SameSite
 * cookies are sent) as a browser really makes them: a form posting to the API under a percent-encoded
 * path, and a form signing the victim in as the attacker. Neither gets through.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { liveDemo } from './live-demo.ts';

const PASSWORD = 'console-demo-password';
const live = liveDemo({ GONGKAI_DEMO_PASSWORD: PASSWORD });
let attacker: Server;
let attackerUrl: string;
let page = '';

before(async () => {
  attacker = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(page);
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`;
});
after(() => new Promise<void>((resolve) => attacker.close(() => resolve())));

/** A page that posts a form to `action` as soon as it loads. */
function autoSubmit(action: string, fields: Record<string, string>): string {
  const inputs = Object.entries(fields)
    .map(([name, value]) => `<input name="${name}" value="${value}">`)
    .join('');
  return `<!doctype html><form id="f" method="post" action="${action}" enctype="application/x-www-form-urlencoded">${inputs}</form><script>document.getElementById('f').submit()</script>`;
}

test('a signed-in officer visiting a page on another port: its forms change nothing and sign no one in', async () => {
  const context = await live.browser.newContext();
  const officer = await context.newPage();
  await officer.goto(`${live.server.url}/console/`);
  await officer.getByLabel('用户名').fill('officer');
  await officer.getByLabel('密码').fill(PASSWORD);
  await officer.getByRole('button', { name: '登录' }).click();
  await officer.getByRole('heading', { name: '依申请公开办理' }).waitFor();
  // A step whose body a form can carry (flat fields): submitting a draft for review.
  const documents = async () =>
    (
      (await (await context.request.get(`${live.server.url}/api/agencies/demo/documents`)).json()) as {
        documents: Array<{ id: string; status: string }>;
      }
    ).documents;
  const draft = (await documents()).find((d) => d.status === 'draft');
  assert.ok(draft, 'the demo has a draft');
  page = autoSubmit(`${live.server.url}/%61pi/agencies/demo/documents/${draft.id}/steps`, {
    type: 'submit-for-review',
  });
  const answer = officer.waitForResponse((r) => r.url().includes(`/documents/${draft.id}/steps`));
  await officer.goto(attackerUrl);
  assert.equal((await answer).status(), 403);
  assert.equal(
    (await documents()).find((d) => d.id === draft.id)?.status,
    'draft',
    'the draft was not submitted',
  );

  page = autoSubmit(`${live.server.url}/api/session`, { username: 'reviewer', password: PASSWORD });
  const login = officer.waitForResponse((r) => r.url().endsWith('/api/session'));
  await officer.goto(attackerUrl);
  assert.ok([403, 415].includes((await login).status()), `login answered ${(await login).status()}`);
  const session = (await (await context.request.get(`${live.server.url}/api/session`)).json()) as {
    account: { username: string };
  };
  assert.equal(session.account.username, 'officer', 'still the officer, not signed in as someone else');
  await context.close();
});
