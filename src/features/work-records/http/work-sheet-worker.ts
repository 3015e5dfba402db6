/** The file sandbox's worker for a work-record sheet: read it off the event loop, within the limits given. */
import { serveFiles } from '../../../platform/untrusted-files/worker-pool.ts';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';
import { readWorkSheet } from '../domain/work-sheet.ts';

await serveFiles((input: { text: string; today: IsoDate }) => readWorkSheet(input.text, input.today));
