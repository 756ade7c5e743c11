import { Catalog } from '../catalog';

export const consoleSettingsDe: Catalog['console']['settings'] = {};
