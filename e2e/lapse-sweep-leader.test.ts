import { test } from 'node:test';
import assert from 'node:assert/strict';
import { POSTGRES_SKIP_REASON, POSTGRES_URL } from '../test-support/databases.ts';
import { startServer, type RunningServer } from './start-server.ts';
import { HttpClient } from './http-client.ts';
import { withScratchSchema } from './scratch-schema.ts';

const PASSWORD = 'demo-password-for-tests';
const CASES = 300;

test(
  'the sweep of lapsed periods: one process at a time; killed mid-sweep, another takes over and every lapsed case is closed exactly once',
  { skip: POSTGRES_URL ? false : POSTGRES_SKIP_REASON, timeout: 240_000 },
  async () => {
    await withScratchSchema(POSTGRES_URL!, 'sweep', async (schema) => {
      const servers: RunningServer[] = [];
      try {
        // In March, 300 applications at the counter, each asked to 补正 on the day it came in.
        const march = await startServer(
          { GONGKAI_TODAY: '2025-03-03', GONGKAI_DEMO_PASSWORD: PASSWORD },
          { database: schema.url },
        );
        servers.push(march);
        await schema.migrated();
        const officer = new HttpClient(march.url);
        assert.equal((await officer.login('officer', PASSWORD)).status, 200);
        for (let i = 0; i < CASES; i += 20) {
          await Promise.all(
            Array.from({ length: Math.min(20, CASES - i) }, async (_, j) => {
              const made = await officer.request('POST', '/api/agencies/demo/requests', {
                channel: 'in-person',
                submittedOn: '2025-03-03',
                applicant: { type: 'natural', name: `申请人${i + j}`, phone: '13800000000' },
                application: { description: `需要补正的申请 ${i + j}`, delivery: 'pickup' },
              });
              assert.equal(made.status, 201, JSON.stringify(made.body));
              const asked = await officer.request(
                'POST',
                `/api/agencies/demo/requests/${made.body.id}/actions`,
                {
                  type: 'request-clarification',
                  on: '2025-03-03',
                  items: '请写明所需信息的年份',
                },
              );
              assert.equal(asked.status, 200, JSON.stringify(asked.body));
            }),
          );
        }
        await march.stop();
        servers.length = 0;

        // In June every period has lapsed. The first process to start takes the sweep; it is killed mid-way.
        const closedCount = async () =>
          Number(
            (
              await schema.sql.query(
                `select count(*) as n from request_events e join request_cases c
                   on c.agency_id = e.agency_id and c.id = e.request_id
                 where e.type = 'clarification-lapsed' and c.description like '需要补正的申请%'`,
              )
            ).rows[0].n,
          );
        const june = { GONGKAI_TODAY: '2025-06-02', GONGKAI_NO_DEMO: '1', GONGKAI_SWEEP_EVERY_SECONDS: '2' };
        const leader = await startServer(june, { database: schema.url });
        servers.push(leader);
        let closedAtKill = 0;
        for (const started = Date.now(); Date.now() - started < 60_000;) {
          closedAtKill = await closedCount();
          if (closedAtKill > 0) break;
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        await leader.kill();
        servers.length = 0;
        closedAtKill = await closedCount();
        assert.ok(
          closedAtKill > 0 && closedAtKill < CASES,
          `killed mid-sweep: ${closedAtKill} of ${CASES} closed`,
        );

        // Two more processes: one of them takes over once the dead one's lease ends, and finishes the sweep.
        servers.push(await startServer(june, { database: schema.url }));
        servers.push(await startServer(june, { database: schema.url }));
        for (const started = Date.now(); Date.now() - started < 60_000;) {
          if ((await closedCount()) === CASES) break;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        // Some more sweeps, by whichever holds the lease: nothing more to close.
        await new Promise((resolve) => setTimeout(resolve, 5_000));
        const perCase = await schema.sql.query(
          `select c.id, c.description like '需要补正的申请%' as ours, count(e.seq) as closes
             from request_cases c
             left join request_events e on e.agency_id = c.agency_id and e.request_id = c.id
              and e.type = 'clarification-lapsed'
           group by c.id, c.description`,
        );
        const ours = perCase.rows.filter((r: { ours: boolean }) => r.ours);
        assert.equal(ours.length, CASES);
        const wrong = perCase.rows.filter(
          (r: { ours: boolean; closes: number | string }) =>
            Number(r.closes) > 1 || (r.ours && Number(r.closes) !== 1),
        );
        assert.deepEqual(wrong, [], 'every lapsed case closed exactly once (the demo’s too: none twice)');
        const holders = await schema.sql.query(`select holder from job_leases where name = 'lapse-sweep'`);
        assert.equal(holders.rows.length, 1);
        assert.doesNotMatch(
          holders.rows[0].holder,
          new RegExp(`:${leader.pid}:`),
          'the dead process holds nothing',
        );
      } finally {
        for (const server of servers) await server.stop();
      }
    });
  },
);
