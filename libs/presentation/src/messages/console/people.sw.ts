import { Catalog } from '../catalog';

export const consolePeopleSw: Catalog['console']['people'] = {};
