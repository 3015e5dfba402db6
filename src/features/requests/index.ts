export * from './domain/disclosure-request.ts';
export * from './domain/report-year-tally.ts';
