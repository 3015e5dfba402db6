/**
 * Online intake over several server processes on one PostgreSQL database: 200 connections shared among
 * them, applications spread over 100 agencies and then all to one agency; afterwards every agency's
 * numbers are checked gapless and the audit chain verified — throughput that broke either would not count.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startServer, type RunningServer } from '../e2e/start-server.ts';
import { withScratchPostgresDatabase } from '../test-support/databases.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { verifyAuditLog } from '../src/platform/audit/audit-log.ts';
import { application, load, peakMemoryOf, type LoadResult } from './load.bench.ts';

export interface IntakeProcessesResult extends LoadResult {
  readonly processes: number;
  readonly agencies: number;
}

export interface IntakeIntegrity {
  /** Agencies whose YSQ numbers of a year skip or repeat one. */
  readonly agenciesWithGaps: readonly string[];
  readonly applications: number;
  readonly auditEntries: number;
  readonly auditChainOk: boolean;
}

const AGENCIES = 100;

async function gaps(client: pg.Client): Promise<{ gapped: string[]; applications: number }> {
  const { rows } = await client.query<{
    agency_id: string;
    series: string;
    n: string;
    low: string;
    high: string;
  }>(
    `select agency_id, substr(id, 1, 9) as series, count(*) as n,
            min(cast(substr(id, 10) as integer)) as low, max(cast(substr(id, 10) as integer)) as high
       from request_cases where id like 'YSQ-%' group by agency_id, substr(id, 1, 9)`,
  );
  return {
    gapped: rows.filter((r) => Number(r.n) !== Number(r.high) - Number(r.low) + 1).map((r) => r.agency_id),
    applications: rows.reduce((total, r) => total + Number(r.n), 0),
  };
}

export async function benchIntakeProcesses(
  seconds: number,
  postgresUrl: string,
  processes: number,
): Promise<{ results: IntakeProcessesResult[]; integrity: IntakeIntegrity }> {
  return withScratchPostgresDatabase(postgresUrl, 'intake', async (url) => {
    const env = {
      GONGKAI_TRUST_PROXY: '127.0.0.1',
      GONGKAI_SECRET: randomBytes(32).toString('hex'),
      GONGKAI_DEMO_PASSWORD: 'load-test-password',
    };
    const servers: RunningServer[] = [];
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      servers.push(await startServer(env, { database: url }));
      await client.query(
        `insert into agencies (id, name, parent_id, created_at, jurisdiction, level)
         select 'load-' || lpad(i::text, 3, '0'), '负载测试机关' || i, null, '2026-01-01T00:00:00Z', 'CN', 'department'
           from generate_series(1, $1::int) i
         union all select 'load-one', '单一负载测试机关', null, '2026-01-01T00:00:00Z', 'CN', 'department'`,
        [AGENCIES - 1],
      );
      while (servers.length < processes)
        servers.push(await startServer({ ...env, GONGKAI_NO_DEMO: '1' }, { database: url }));
      const urls = servers.map((s) => s.url);
      const agencies = [
        'demo',
        ...Array.from({ length: AGENCIES - 1 }, (_, i) => `load-${String(i + 1).padStart(3, '0')}`),
      ];
      const json = { 'content-type': 'application/json' };
      const post = (path: string) => [{ method: 'POST' as const, path, headers: json, body: application }];
      const peak = () => Math.max(...servers.map((s) => peakMemoryOf(s.pid) ?? 0)) || undefined;
      const spread = await load(
        `intake, ${processes} processes, ${AGENCIES} agencies (PostgreSQL)`,
        { urls, agencies },
        seconds,
        post('/api/public/agencies/{agency}/applications'),
      );
      const spreadPeak = peak();
      const one = await load(
        `intake, ${processes} processes, one agency (PostgreSQL)`,
        { urls },
        seconds,
        // An agency of its own, which starts at its year's first number: past 99,999 a year an agency's
        // numbering reads its whole series (last-number.ts), which this run would otherwise reach.
        post('/api/public/agencies/load-one/applications'),
      );
      const results = [
        { ...spread, processes, agencies: AGENCIES, serverPeakMb: spreadPeak },
        { ...one, processes, agencies: 1, serverPeakMb: peak() },
      ];
      for (const server of servers.splice(0)) await server.stop();
      const { gapped, applications } = await gaps(client);
      const handle = openDatabase(url);
      try {
        const chain = await verifyAuditLog(handle.db);
        return {
          results,
          integrity: {
            agenciesWithGaps: gapped,
            applications,
            auditEntries: chain.entries,
            auditChainOk: chain.ok,
          },
        };
      } finally {
        await handle.close();
      }
    } finally {
      for (const server of servers) await server.stop();
      await client.end();
    }
  });
}
