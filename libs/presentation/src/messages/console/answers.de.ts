import { Catalog } from '../catalog';

export const consoleAnswersDe: Catalog['console']['answers'] = {};
