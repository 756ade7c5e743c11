import { Catalog } from '../catalog';

export const consoleAnswersSw: Catalog['console']['answers'] = {};
