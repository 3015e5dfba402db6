export * from './domain/proceeding.ts';
