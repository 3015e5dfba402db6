/**
 * What a file from outside may cost to read. Each limit is counted on the work actually done (bytes
 * inflated, pages opened, elements parsed), never taken from what the file says about itself.
 */
export interface FileLimits {
  /** Wall-clock time for reading one file, in milliseconds. */
  readonly timeMs: number;
  /** The JavaScript heap of the worker that reads it, in MB. */
  readonly heapMb: number;
  /** Growth of the process's resident memory while it is read (buffers outside the heap), in MB. */
  readonly residentMb: number;
  /** All the bytes a zip (DOCX, XLSX) or a PDF's compressed streams may inflate to. */
  readonly inflatedBytes: number;
  /** Entries of a zip. */
  readonly zipEntries: number;
  /** Pages of a PDF. */
  readonly pages: number;
  /** Elements of an HTML page, how deeply they may nest, and its table rows. */
  readonly htmlElements: number;
  readonly htmlDepth: number;
  readonly tableRows: number;
  /** Characters of text extracted from a file (a report is some tens of thousands). */
  readonly textChars: number;
}

export const FILE_LIMITS: FileLimits = {
  timeMs: 30_000,
  heapMb: 512,
  residentMb: 1024,
  inflatedBytes: 200 * 1024 * 1024,
  zipEntries: 5_000,
  pages: 500,
  htmlElements: 300_000,
  htmlDepth: 256,
  tableRows: 20_000,
  textChars: 5_000_000,
};

const MB = 1024 * 1024;

/** A limit's size said the way a person reads it. */
export function megabytes(bytes: number): string {
  return `${Math.round(bytes / MB)} MB`;
}
