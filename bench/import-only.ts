/**
 * `node --import tsx bench/import-only.ts [--short]`: only the import benchmark of `npm run bench`, one
 * line per set (text/HTML, PDF): files, bare extraction, full audit, reports per second, ratio.
 */
import { benchImport } from './import.bench.ts';
import { peakRssMb } from './measure.ts';

const short = process.argv.includes('--short');
for (const r of await benchImport(short ? 40 : 1_000, short ? 8 : 100))
  console.log(
    `${r.set}: ${r.files} files, bare extraction ${r.floorMs.toFixed(0)} ms, audit ${r.auditMs.toFixed(0)} ms, ` +
      `${r.reportsPerSecond.toFixed(0)} reports/s, ${r.ratio.toFixed(2)}×`,
  );
console.log(`peak RSS ${peakRssMb()} MB`);
