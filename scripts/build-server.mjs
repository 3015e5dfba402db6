/**
 * The server, the command line and the file sandbox's workers compiled to JavaScript in dist/server/
 * (esbuild: the project's own modules bundled, shared code in chunks, packages left to node_modules), so
 * that they start without compiling TypeScript: `npm start` and `./bin/gongkai` run them. Made by
 * `npm ci` (prepare) and `npm run build`; bin/gongkai falls back to the sources when they are newer.
 */
import { build } from 'esbuild';
import { copyFileSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'server');

/** Every worker module of the file sandbox (…-worker.ts), by name. */
function workers(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return workers(path);
    return entry.name.endsWith('-worker.ts') ? [path] : [];
  });
}

const entries = Object.fromEntries(
  [
    join(root, 'src/main/server.ts'),
    join(root, 'src/main/cli.ts'),
    join(root, 'src/main/demo-seed-process.ts'),
    ...workers(join(root, 'src')),
  ].map((path) => [path.split('/').pop().replace(/\.ts$/, ''), path]),
);

const started = Date.now();
rmSync(out, { recursive: true, force: true });
await build({
  entryPoints: entries,
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  outExtension: { '.js': '.mjs' },
  // Chunks beside the entries: a worker's or the bootstrap's URL is resolved next to the code asking.
  chunkNames: 'chunk-[hash]',
  sourcemap: true,
  logLevel: 'warning',
});
copyFileSync(
  join(root, 'src/platform/untrusted-files/worker-bootstrap.mjs'),
  join(out, 'worker-bootstrap.mjs'),
);
console.log(`${relative(root, out)}: ${Object.keys(entries).join(', ')} (${Date.now() - started} ms)`);
