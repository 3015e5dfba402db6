/**
 * The installation's folder (where package.json is): files the server reads at run time (the built
 * console, the search abbreviations, the demo's sample report) are found from it, so that the same code
 * runs from its TypeScript sources and compiled into dist/server/; and the module a worker or a process
 * runs, whichever of the two it is.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

export function projectRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'gongkai'
    )
      return (root = dir);
    const parent = dirname(dir);
    if (parent === dir) throw new Error('gongkai 的安装目录（含 package.json）没有找到');
    dir = parent;
  }
}

/** A path inside the installation's folder. */
export const inProject = (...parts: string[]) => join(projectRoot(), ...parts);

/**
 * A module to run in a worker or a process of its own: its TypeScript source when it is there, else —
 * compiled into dist/server/ — the .mjs beside the code that asks.
 */
export function runnableModule(entry: URL): URL {
  if (!entry.pathname.endsWith('.ts') || existsSync(fileURLToPath(entry))) return entry;
  return new URL(entry.href.replace(/\.ts$/, '.mjs'));
}
