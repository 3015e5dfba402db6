/** The bytes of one file of a multipart upload, as every route that takes files reads them. */
import type { MultipartFile } from '@fastify/multipart';
import { HttpProblem } from './error-codes.ts';

/**
 * A file part's bytes; past the upload limit a 413 saying `tooLarge`. A browser's file input left empty
 * arrives as a part with no name and no bytes: undefined, not a file.
 */
export async function filePartBytes(part: MultipartFile, tooLarge: string): Promise<Buffer | undefined> {
  const bytes = await part.toBuffer().catch((error: unknown) => {
    if ((error as { statusCode?: number }).statusCode === 413)
      throw new HttpProblem('payload-too-large', tooLarge);
    throw error;
  });
  return part.filename === '' && bytes.length === 0 ? undefined : bytes;
}
