export * from './domain/agency.ts';
export * from './db/agency-repository.ts';
export * from './domain/staff-role.ts';
export * from './db/staff-repository.ts';
