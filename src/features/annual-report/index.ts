/** The annual-report feature: the only module other features import. */
export * from './domain/report-format.ts';
export * from './domain/annual-report.ts';
export * from './domain/applicant-type.ts';
export * from './domain/outcome-row.ts';
export * from './domain/report-facts.ts';
export * from './domain/cell-selector.ts';
export * from './domain/check-consistency.ts';
export * from './domain/build-annual-report.ts';
export * from './domain/label-normalization.ts';
export type { TextFigure } from './domain/consistency-rules.ts';
export * from './use-cases/report-fact-source.ts';
export * from './use-cases/build-stored-report.ts';
export * from './domain/draft-narrative.ts';
export * from './domain/report-deadline.ts';
