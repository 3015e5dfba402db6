/**
 * The API fed generated malformed requests (fast-check): every route, as staff allowed to
 * call it and anonymously, with random JSON bodies, random path parameters, wrong content types and
 * broken JSON. No answer is a 5xx, and nothing stored changes.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { ROUTES } from '../src/platform/http/server.ts';
import { tableSnapshot } from '../test-support/table-snapshot.ts';
import { signedInApp, type SignedInApp } from './signed-in-app.ts';

let context: SignedInApp;
let app: FastifyInstance;

before(async () => {
  context = await signedInApp({
    agencies: [
      { id: 'fuzz', name: '模糊测试局', level: 'city' },
      { id: 'fuzz-child', name: '模糊测试下级局', parentId: 'fuzz' },
    ],
    accounts: [['root', 'fuzz', ['admin', 'officer', 'approver', 'supervisor']]],
    today: '2026-01-20',
  });
  app = context.app;
});
after(() => context?.close());

/** What stays the same whatever is sent (sessions and rate-limit bookkeeping aside). */
const state = () =>
  tableSnapshot(context.handle.db, { except: ['staff_sessions', 'rate_limit_windows', 'job_leases'] });

const segment = fc.oneof(
  fc.constantFrom(
    'fuzz',
    'fuzz-child',
    'nobody',
    '2025',
    '0',
    '-1',
    '..',
    '%00',
    'YSQ-2026-00001',
    't3.r1.total',
  ),
  fc.string({ maxLength: 40 }),
);
const body = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.dictionary(
    fc.constantFrom(
      'year',
      'type',
      'on',
      'title',
      'kind',
      'explanations',
      'sections',
      'reason',
      'approve',
      'deadlines',
      'applicant',
      'application',
      'body',
      'subject',
      'licensing',
    ),
    fc.anything({ maxDepth: 2 }),
  ),
);

/** Any value as a text body (some generated objects have no string form). */
function asText(value: unknown): string {
  try {
    return String(value);
  } catch {
    return JSON.stringify(value) ?? '';
  }
}

function urlFor(pattern: string, segments: readonly string[]): string {
  let k = 0;
  return pattern
    .split('/')
    .map((part) =>
      part.startsWith(':') || part.includes(':')
        ? encodeURIComponent(segments[k++ % segments.length] ?? 'x')
        : part,
    )
    .join('/')
    .replace('*', 'x');
}

test(
  'thousands of malformed requests to every route: never a 5xx, nothing stored changes',
  { timeout: 300_000 },
  async () => {
    const writes = [
      ...new Set(
        app[ROUTES].filter((r) => !r.url.startsWith('/console') && !r.url.startsWith('/api/docs')).map(
          (r) => `${r.method} ${r.url}`,
        ),
      ),
    ];
    assert.ok(writes.length >= 60, `only ${writes.length} routes`);
    const before = await state();
    let sent = 0;
    const statuses = new Map<number, number>();
    for (const route of writes) {
      const [method, pattern] = route.split(' ') as ['GET' | 'POST' | 'PUT' | 'DELETE', string];
      await fc.assert(
        fc.asyncProperty(
          fc.array(segment, { minLength: 3, maxLength: 3 }),
          body,
          fc.constantFrom('json', 'text', 'broken', 'anonymous'),
          async (segments, payload, kind) => {
            const headers: Record<string, string> = kind === 'anonymous' ? {} : { ...context.headers.root };
            const url = urlFor(pattern, segments);
            const response = await app.inject({
              method,
              url,
              headers: {
                ...headers,
                'content-type': kind === 'text' ? 'text/plain' : 'application/json',
              },
              ...(method === 'GET'
                ? {}
                : {
                    payload:
                      kind === 'broken'
                        ? '{"year": 2025,'
                        : kind === 'text'
                          ? asText(payload)
                          : JSON.stringify(payload ?? null),
                  }),
            });
            sent++;
            statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
            assert.ok(
              response.statusCode < 500,
              `${method} ${url} (${kind}) answered ${response.statusCode}: ${response.body.slice(0, 300)}`,
            );
          },
        ),
        { numRuns: 80, seed: 20260120 },
      );
    }
    assert.ok(sent >= 2_000, `only ${sent} requests`);
    assert.deepEqual(await state(), before, `something changed (statuses ${JSON.stringify([...statuses])})`);
  },
);
