import { Catalog } from '../catalog';

export const consoleFeedsDe: Catalog['console']['feeds'] = {};
