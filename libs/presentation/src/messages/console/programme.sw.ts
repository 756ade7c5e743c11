import { Catalog } from '../catalog';

export const consoleProgrammeSw: Catalog['console']['programme'] = {};
