/**
 * Rendered reports kept by their content: the key is the hash of the report model (every cell, section
 * and check) and the format, so a download of a report that has not changed is the bytes rendered
 * before — a filed version never changes, and one built from the records changes exactly when its
 * figures do. At most two renders run at once; the others wait their turn. The most recently used
 * files are kept up to a byte budget.
 */
import { createHash } from 'node:crypto';
import type { AnnualReport } from '../domain/annual-report.ts';
import { renderReport, type ExportFormat } from './render-report.ts';
import type { PrintOptions } from './print-layout.ts';

export interface RenderCache {
  render(report: AnnualReport, format: ExportFormat, options?: PrintOptions): Promise<Buffer>;
  readonly stats: () => { hits: number; renders: number; bytes: number };
}

export function renderCache(
  options: { budgetBytes?: number; concurrency?: number; render?: typeof renderReport } = {},
): RenderCache {
  const budget = options.budgetBytes ?? 64 * 1024 * 1024;
  const concurrency = options.concurrency ?? 2;
  const render = options.render ?? renderReport;
  const kept = new Map<string, Promise<Buffer>>();
  const sizes = new Map<string, number>();
  let bytes = 0;
  let hits = 0;
  let renders = 0;
  let running = 0;
  const waiting: Array<() => void> = [];

  const evict = () => {
    for (const key of kept.keys()) {
      if (bytes <= budget) break;
      if (!sizes.has(key)) continue; // still rendering
      bytes -= sizes.get(key)!;
      sizes.delete(key);
      kept.delete(key);
    }
  };
  const turn = async <T>(work: () => Promise<T>): Promise<T> => {
    if (running >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await work();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };

  return {
    render(report, format, options = {}) {
      const key = `${format}:${createHash('sha256')
        .update(JSON.stringify(report))
        .update(`\u0000${options.notice ?? ''}`)
        .digest('hex')}`;
      const found = kept.get(key);
      if (found) {
        hits++;
        kept.delete(key);
        kept.set(key, found);
        return found;
      }
      renders++;
      const rendered = turn(() => render(report, format, options));
      kept.set(key, rendered);
      rendered.then(
        (file) => {
          if (kept.get(key) !== rendered) return;
          sizes.set(key, file.length);
          bytes += file.length;
          evict();
        },
        () => kept.delete(key),
      );
      return rendered;
    },
    stats: () => ({ hits, renders, bytes }),
  };
}
