import { SetMetadata } from '@nestjs/common';

/** Marks a route as open without an API key; everything else requires one. */
export const PUBLIC_ROUTE = 'treffpunkt:public-route';
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);
