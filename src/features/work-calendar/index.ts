export * from './domain/parse-holiday-notice.ts';
export * from './db/calendar-repository.ts';
export * from './use-cases/load-work-calendar.ts';
export * from './use-cases/import-calendar-year.ts';
