/** The file sandbox's worker for a zip (an attached DOCX, XLSX or OFD): inflated and counted, nothing kept. */
import { serveFiles } from './worker-pool.ts';
import { measureZip } from './zip-inflation.ts';

await serveFiles((input: { bytes: Uint8Array }, limits) => {
  const measured = measureZip(input.bytes, limits);
  return measured.ok ? undefined : measured.error;
});
