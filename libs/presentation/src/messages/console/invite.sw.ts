import { Catalog } from '../catalog';

export const consoleInviteSw: Catalog['console']['invite'] = {};
