/**
 * `node --import tsx bench/server-memory.ts`: the server at rest — resident memory of the compiled server
 * (`npm start`, SQLite) 5 and 20 seconds after it answers: on a fresh database with the demo (made in a
 * process of its own), restarted on that database, and without the demo; the floor is Node with nothing
 * loaded.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { startServer } from '../e2e/start-server.ts';

const residentMb = (pid: number | undefined) =>
  Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024);
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
console.log(`floor: node with nothing loaded ${Math.round(Number(floor.stdout) / 2 ** 20)} MB`);
