import { Catalog } from '../catalog';

export const consoleInviteDe: Catalog['console']['invite'] = {};
