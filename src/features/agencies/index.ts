export * from './domain/agency.ts';
export * from './db/agency-repository.ts';
