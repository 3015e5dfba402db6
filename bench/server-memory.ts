/**
 * `node --import tsx bench/server-memory.ts`: the server at rest — resident memory of the compiled server
 * (`npm start`, SQLite) 5 and 20 seconds after it answers: on a fresh database with the demo (made in a
 * process of its own), restarted on that database, and without the demo; the floor is Node with nothing
 * loaded. Then six hostile files uploaded to the report audit one after another (each refused): the
 * server's peak, and what it holds once the file sandbox's idle workers have retired.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { startServer } from '../e2e/start-server.ts';
import { HttpClient } from '../e2e/http-client.ts';
import { hugeTableHtml, lyingZip, nestedHtml, pdfOf } from '../test-support/hostile-files.ts';

const memoryMb = (pid: number | undefined, field: 'VmRSS' | 'VmHWM') =>
  Math.round(
    Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) /
      1024,
  );
const residentMb = (pid: number | undefined) => memoryMb(pid, 'VmRSS');
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function atRest(name: string, env: Record<string, string>, database?: string) {
  const server = await startServer(
    { GONGKAI_DEMO_PASSWORD: 'memory-bench-password', ...env },
    database ? { database } : {},
  );
  await pause(5_000);
  const at5 = residentMb(server.pid);
  await pause(15_000);
  const at20 = residentMb(server.pid);
  await server.stop();
  console.log(`${name.padEnd(44)} ${String(at5).padStart(5)} MB ${String(at20).padStart(8)} MB`);
  return server.database;
}

const floor = spawnSync('node', ['-e', 'console.log(process.memoryUsage().rss)'], { encoding: 'utf8' });
console.log('server at rest                                  after 5 s   after 20 s');
const database = await atRest('fresh database, the demo made at start', {});
await atRest('restarted on the demo database', {}, database);
await atRest('fresh database, no demo (GONGKAI_NO_DEMO=1)', { GONGKAI_NO_DEMO: '1' });
// Hostile uploads to the report audit, one after another: the server's peak and what it keeps after.
{
  const server = await startServer({ GONGKAI_DEMO_PASSWORD: 'memory-bench-password' });
  const office = new HttpClient(server.url);
  await office.login('office', 'memory-bench-password');
  const before = residentMb(server.pid);
  const files: Array<[string, Buffer]> = [
    ['nested.html', nestedHtml(1_000_000)],
    ['rows.html', hugeTableHtml(400_000)],
    ['lying.docx', lyingZip('docx', 1024)],
    ['lying.xlsx', lyingZip('xlsx', 1024)],
    ['stream-bomb.pdf', pdfOf({ pages: 1, bombMegabytes: 300 })],
    ['many-pages.pdf', pdfOf({ pages: 20_000 })],
  ];
  for (const [name, bytes] of files) {
    const answer = await office.upload('/api/agencies/demo-city/report-audits', name, bytes);
    if (answer.status !== 400) throw new Error(`${name}: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  const peak = memoryMb(server.pid, 'VmHWM');
  // The file sandbox keeps a worker warm for a minute after its last file.
  await pause(70_000);
  console.log(
    `hostile uploads (${files.length} files, each refused): before ${before} MB, peak ${peak} MB, 70 s after ${residentMb(server.pid)} MB`,
  );
  await server.stop();
}
console.log(`floor: node with nothing loaded ${Math.round(Number(floor.stdout) / 2 ** 20)} MB`);
