export * from './domain/normative-document.ts';
