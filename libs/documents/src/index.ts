export * from './print-pdf';
