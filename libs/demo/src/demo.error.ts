import { DomainError, FieldProblem } from '@app/errors';

/** The demo programme itself breaks a planning rule: a mistake in the seed data, not in user input. */
export class DemoError extends DomainError {
  constructor(message: string, problems: FieldProblem[] = []) {
    super('invalid', 'demo_programme_invalid', message, problems);
  }
}
