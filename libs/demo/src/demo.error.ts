import { DomainError, ErrorCatalog, FieldProblem } from '@app/errors';

export const DEMO_ERRORS = {
  demo_programme_invalid: 'The demo programme breaks a planning rule.',
} as const satisfies ErrorCatalog<string>;

/** The demo programme itself breaks a planning rule: a mistake in the seed data, not in user input. */
export class DemoError extends DomainError<keyof typeof DEMO_ERRORS> {
  constructor(message: string, problems: FieldProblem[] = []) {
    super('invalid', 'demo_programme_invalid', message, problems);
  }
}
