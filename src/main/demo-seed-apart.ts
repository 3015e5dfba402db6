/** Starts `demo-seed-process` and waits for it: the compiled module beside this one, or the source. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export async function seedDemoApart(databaseUrl: string): Promise<void> {
  const source = fileURLToPath(new URL('./demo-seed-process.ts', import.meta.url));
  const script = existsSync(source) ? source : source.replace(/\.ts$/, '.mjs');
  const child = spawn(process.execPath, [...process.execArgv, script], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', resolve);
  });
  if (code !== 0) throw new Error(`示范机关没有建成（进程退出码 ${code}）`);
}
