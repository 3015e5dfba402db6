/** The file sandbox's worker for one ledger file: its rows of text, within the limits given. */
import { serveOneFile } from '../../../platform/untrusted-files/file-sandbox.ts';
import { readLedgerBytes, type LedgerFileInput } from './read-ledger-sheet.ts';

await serveOneFile((input: LedgerFileInput, limits) => readLedgerBytes(input, limits));
