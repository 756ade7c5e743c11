export * from './public-event-search.entity';
export * from './public-programme-filter';
export type { ArchiveMonth, PublicEvent } from './public-programme-queries';
export * from './public-programme.error';
export * from './public-programme.service';
export * from './public-sitemap.service';
export * from './public-programme.module';
