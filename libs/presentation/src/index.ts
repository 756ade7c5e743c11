export * from './html/html';
export * from './html/json-ld';
export type { Catalog, MessageKey } from './messages/catalog';
export * from './messages/messages';
export * from './times/event-times';
export * from './times/zone-name';
export * from './times/moment';
export * from './layout/email-layout';
export * from './layout/page-document';
