import { Catalog } from '../catalog';

export const consoleSettingsSw: Catalog['console']['settings'] = {};
