/**
 * The letters of a case, as the case worker lists and prints them: each drawn from the record with its
 * 文号 (the agency's series for the letter's year), the reconsideration organ its level and the act's
 * date call for, and the office's contact from the agency's settings.
 */
import { err, ok, type Result } from '../../../shared/domain/result.ts';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';
import type { WorkCalendar } from '../../../shared/domain/work-calendar.ts';
import type { DisclosureSettings } from '../../proactive-disclosure/domain/disclosure-settings.ts';
import type { CaseView } from '../use-cases/case-service.ts';
import { draftLetter, type LetterRefusal } from './draft-letter.ts';
import { LETTER_TITLES, type Letter, type LetterKind } from './letter.ts';
import { caseLetters, findLetter, type LetterSource } from './letter-sources.ts';
import { reconsiderationOrgans, type AgencyInChain } from './reconsideration-organ.ts';

export interface LetterNumbering {
  numberOf(
    agencyId: string,
    requestId: string,
    letter: LetterSource,
  ): Promise<{ year: number; number: number }>;
}

export interface LetterServiceDependencies {
  readonly view: (agencyId: string, id: string) => Promise<CaseView | undefined>;
  readonly numbering: LetterNumbering;
  /** The agency and its ancestors, nearest first. */
  readonly agencyChain: (agencyId: string) => Promise<{
    agency: AgencyInChain;
    ancestors: readonly AgencyInChain[];
  }>;
  readonly settingsFor: (agencyId: string) => Promise<DisclosureSettings>;
  readonly calendarFor: (agencyId: string) => Promise<WorkCalendar>;
}

export interface LetterListing {
  readonly kind: LetterKind;
  readonly seq: number;
  readonly on: IsoDate;
  readonly title: string;
  readonly reference: string;
}

export type LetterServiceError = { readonly code: 'case-not-found' } | LetterRefusal;

export function letterService(deps: LetterServiceDependencies) {
  async function referenceOf(agencyId: string, id: string, source: LetterSource, prefix: string) {
    const { year, number } = await deps.numbering.numberOf(agencyId, id, source);
    return `${prefix}〔${year}〕第${number}号`;
  }
  const prefixOf = (settings: DisclosureSettings, agencyName: string) =>
    settings.letters?.referencePrefix ?? `${agencyName}依申请公开`;

  return {
    async list(agencyId: string, id: string): Promise<LetterListing[] | undefined> {
      const view = await deps.view(agencyId, id);
      if (!view) return undefined;
      const [{ agency }, settings] = await Promise.all([
        deps.agencyChain(agencyId),
        deps.settingsFor(agencyId),
      ]);
      const prefix = prefixOf(settings, agency.name);
      const listing: LetterListing[] = [];
      for (const source of caseLetters(view.history, view.case))
        listing.push({
          ...source,
          title: LETTER_TITLES[source.kind],
          reference: await referenceOf(agencyId, id, source, prefix),
        });
      return listing;
    },

    async draft(
      agencyId: string,
      id: string,
      kind: LetterKind,
      seq?: number,
    ): Promise<Result<Letter, LetterServiceError>> {
      const view = await deps.view(agencyId, id);
      if (!view) return err({ code: 'case-not-found' });
      const source = findLetter(view.history, view.case, kind, seq);
      if (!source)
        return err({ code: 'letter-not-applicable', kind, reason: '该申请的办理记录中没有这份文书' });
      const [chain, settings, calendar] = await Promise.all([
        deps.agencyChain(agencyId),
        deps.settingsFor(agencyId),
        deps.calendarFor(agencyId),
      ]);
      // Refused before a number is taken: a letter the record cannot complete uses no 文号.
      const trial = draftLetter(source, view.case, {
        agencyName: chain.agency.name,
        reference: '',
        organs: reconsiderationOrgans(chain.agency, chain.ancestors, settings.letters?.reconsiderationOrgan),
        contact: settings.contact,
        ...(settings.letters?.feePayment ? { feePayment: settings.letters.feePayment } : {}),
        calendar,
      });
      if (!trial.ok) return trial;
      const reference = await referenceOf(agencyId, id, source, prefixOf(settings, chain.agency.name));
      return ok({ ...trial.value, reference });
    },
  };
}

export type LetterService = ReturnType<typeof letterService>;
