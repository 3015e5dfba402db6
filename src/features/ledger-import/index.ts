export * from './use-cases/load-ledger.ts';
export * from './use-cases/build-ledger-report.ts';
export * from './domain/ledger.ts';
export * from './domain/ledger-problem.ts';
export * from './use-cases/import-ledger.ts';
