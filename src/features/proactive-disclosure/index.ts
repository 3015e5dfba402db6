export * from './domain/normative-document.ts';
export * from './domain/disclosure-attribute.ts';
export * from './domain/publication-deadline.ts';
export * from './domain/interpretation-rate.ts';
export * from './domain/public-document.ts';
