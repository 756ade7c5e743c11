import { Catalog } from '../catalog';

export const consolePeopleDe: Catalog['console']['people'] = {};
