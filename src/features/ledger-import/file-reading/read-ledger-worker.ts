/** The file sandbox's worker for one ledger file: its rows of text, within the limits given. */
import { serveFiles } from '../../../platform/untrusted-files/worker-pool.ts';
import { readLedgerBytes, type LedgerFileInput } from './read-ledger-sheet.ts';

await serveFiles((input: LedgerFileInput, limits) => readLedgerBytes(input, limits));
