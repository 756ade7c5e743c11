import { Catalog } from '../catalog';

export const consoleFeedsSw: Catalog['console']['feeds'] = {};
