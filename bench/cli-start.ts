/**
 * `node --import tsx bench/cli-start.ts`: how long `./bin/gongkai --help` takes to answer (the compiled
 * CLI, as after `npm ci`), against the floor of starting Node and nothing else, and Node with the
 * TypeScript loader for comparison (median of 15 runs each).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const loader = `file://${root}node_modules/tsx/dist/loader.mjs`;

function median(command: string, args: readonly string[]): number {
  const times: number[] = [];
  for (let i = 0; i < 17; i++) {
    const start = process.hrtime.bigint();
    const run = spawnSync(command, args, { cwd: root, stdio: 'ignore' });
    if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${run.status}`);
    if (i >= 2) times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

const floor = median('node', ['-e', '0']);
const withLoader = median('node', ['--import', loader, '-e', '0']);
const help = median(`${root}bin/gongkai`, ['--help']);
console.log(
  `gongkai --help: ${help.toFixed(0)} ms; node alone: ${floor.toFixed(0)} ms (${(help / floor).toFixed(2)}×); ` +
    `node with the TypeScript loader alone: ${withLoader.toFixed(0)} ms`,
);
