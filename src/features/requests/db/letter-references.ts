/**
 * The 文号 series of an agency's letters: per agency and letter year, numbered 1, 2, 3… without gaps.
 * A step's letters take their numbers in the step's own transaction (`assignLetterNumbers`); a letter
 * from before the series existed takes the next number the first time it is drafted.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import { lockNumbering } from '../../../platform/db/last-number.ts';
import { letterYear, type LetterSource } from '../letters/letter-sources.ts';

export interface LetterNumber {
  readonly year: number;
  readonly number: number;
}

async function existing(
  db: Kysely<Database>,
  agencyId: string,
  requestId: string,
  letter: LetterSource,
): Promise<LetterNumber | undefined> {
  const row = await db
    .selectFrom('letter_references')
    .select(['year', 'number'])
    .where('agency_id', '=', agencyId)
    .where('request_id', '=', requestId)
    .where('event_seq', '=', letter.seq)
    .where('kind', '=', letter.kind)
    .executeTakeFirst();
  return row ? { year: Number(row.year), number: Number(row.number) } : undefined;
}

/** Inside the step's transaction: numbers its letters (those not numbered yet). */
export async function assignLetterNumbers(
  tx: Kysely<Database>,
  agencyId: string,
  requestId: string,
  letters: readonly LetterSource[],
): Promise<void> {
  for (const letter of letters) {
    if (await existing(tx, agencyId, requestId, letter)) continue;
    const year = letterYear(letter);
    await lockNumbering(tx, agencyId, `letters/${year}`);
    const last = await tx
      .selectFrom('letter_references')
      .select((eb) => eb.fn.max('number').as('last'))
      .where('agency_id', '=', agencyId)
      .where('year', '=', year)
      .executeTakeFirst();
    await tx
      .insertInto('letter_references')
      .values({
        agency_id: agencyId,
        year,
        number: Number(last?.last ?? 0) + 1,
        request_id: requestId,
        event_seq: letter.seq,
        kind: letter.kind,
      })
      .execute();
  }
}

export function letterReferences(db: Kysely<Database>) {
  return {
    /** The letter's number; one from before the series is numbered now. */
    async numberOf(agencyId: string, requestId: string, letter: LetterSource): Promise<LetterNumber> {
      const found = await existing(db, agencyId, requestId, letter);
      if (found) return found;
      for (let attempt = 0; ; attempt++) {
        try {
          await db.transaction().execute((tx) => assignLetterNumbers(tx, agencyId, requestId, [letter]));
          break;
        } catch (error) {
          // Two drafts of the same old letter at once: the other one numbered it.
          if (attempt >= 3) throw error;
        }
      }
      const assigned = await existing(db, agencyId, requestId, letter);
      if (!assigned) throw new Error(`letter ${requestId}/${letter.seq}/${letter.kind} was not numbered`);
      return assigned;
    },
  };
}

export type LetterReferences = ReturnType<typeof letterReferences>;
