/**
 * Staff accounts as an attacker meets them: sign-in that another site cannot trigger (login CSRF).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { signedInApp, type SignedInApp } from './signed-in-app.ts';

let app: FastifyInstance;
let context: SignedInApp;

before(async () => {
  context = await signedInApp({
    agencies: [{ id: 'city', name: '某市政府办公室' }],
    accounts: [['officer', 'city', 'officer']],
    today: '2025-03-03',
  });
  ({ app } = context);
});
after(() => context?.close());

test('login refuses what a form on another site can send: urlencoded or text bodies, and a foreign origin', async () => {
  const credentials = 'username=officer&password=password-123456';
  for (const contentType of ['application/x-www-form-urlencoded', 'text/plain']) {
    const response = await app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { 'content-type': contentType },
      payload: credentials,
    });
    assert.equal(response.statusCode, 415, `${contentType}: ${response.body}`);
    assert.equal(response.headers['set-cookie'], undefined, contentType);
  }
  for (const from of [{ origin: 'https://evil.example' }, { 'sec-fetch-site': 'same-site' }]) {
    const foreign = await app.inject({
      method: 'POST',
      url: '/api/session',
      headers: from,
      payload: { username: 'officer', password: 'password-123456' },
    });
    assert.deepEqual(
      [foreign.statusCode, foreign.headers['set-cookie']],
      [403, undefined],
      JSON.stringify(from),
    );
  }
  const own = await app.inject({
    method: 'POST',
    url: '/api/session',
    headers: { origin: 'http://localhost:80', 'sec-fetch-site': 'same-origin' },
    payload: { username: 'officer', password: 'password-123456' },
  });
  assert.equal(own.statusCode, 200, own.body);
});
