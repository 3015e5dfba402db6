// Runs every *.test.ts under the given folders (default: src e2e) with node's test runner.
// Node 20's --test does not expand globs, and `tsx --test` with no files passes vacuously, so the
// files are listed here and an empty list is an error.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

// Browser tests (*.browser.test.ts) need Chromium and run only with --browser (npm run test:browser).
const browser = process.argv.includes('--browser');
const args = process.argv.slice(2).filter((a) => a !== '--browser');
const roots = args.length > 0 ? args : ['src', 'e2e'];
const files = [];
function walk(dir) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name.endsWith('.test.ts') && name.endsWith('.browser.test.ts') === browser) files.push(path);
  }
}
for (const root of roots) {
  if (statSync(root).isFile()) files.push(root);
  else walk(root);
}
if (files.length === 0) {
  console.error(`no test files under ${roots.join(', ')}`);
  process.exit(1);
}
files.sort();
const result = spawnSync(
  process.execPath,
  // A test that hangs fails after five minutes instead of holding up the run.
  [
    '--import',
    'tsx',
    '--test',
    '--test-concurrency=2',
    '--test-timeout=300000',
    '--test-reporter=spec',
    ...files,
  ],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
