import { Catalog } from '../catalog';

export const consoleProgrammeDe: Catalog['console']['programme'] = {};
