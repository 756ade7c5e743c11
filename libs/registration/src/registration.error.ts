import { DomainError, DomainErrorKind, ErrorCatalog, FieldProblem } from '@app/errors';

/** Why an answer was refused; pages translate the reason, the API says it in English. */
export const ANSWER_PROBLEM_REASONS = [
  'required',
  'not_offered',
  'not_a_date',
  'not_yes_no',
  'too_long',
  'not_text',
  'unknown_question',
] as const;
export type AnswerProblemReason = (typeof ANSWER_PROBLEM_REASONS)[number];

export interface AnswerProblem {
  questionId: string;
  label: string;
  reason: AnswerProblemReason;
}

const ANSWER_PROBLEM_TEXTS: Record<AnswerProblemReason, string> = {
  required: 'an answer is required.',
  not_offered: 'choose among the offered answers.',
  not_a_date: 'give a date as YYYY-MM-DD.',
  not_yes_no: 'answer yes or no.',
  too_long: 'the answer is too long.',
  not_text: 'the answer must be text.',
  unknown_question: 'this event asks no such question.',
};

export const REGISTRATION_ERRORS = {
  invalid_input: 'A value in the request is not valid.',
  forbidden: 'This API key may not do this.',
  event_not_found: 'There is no such event.',
  registration_answers_invalid: 'Some registration answers are missing or not valid.',
  question_in_use: 'The change would make existing answers unreadable.',
} as const satisfies ErrorCatalog<string>;

export type RegistrationErrorCode = keyof typeof REGISTRATION_ERRORS;

export class RegistrationError extends DomainError<RegistrationErrorCode> {
  constructor(
    kind: DomainErrorKind,
    code: RegistrationErrorCode,
    message: string,
    problems: FieldProblem[] = [],
    details?: unknown,
  ) {
    super(kind, code, message, problems, details);
  }

  static invalidQuestions(problems: FieldProblem[]): RegistrationError {
    return new RegistrationError(
      'invalid',
      'invalid_input',
      problems.map((p) => p.message).join(' '),
      problems,
    );
  }

  static invalid(field: string, message: string): RegistrationError {
    return new RegistrationError('invalid', 'invalid_input', message, [{ field, message }]);
  }

  /** `details` lists each wrong answer's question and reason, for pages that say it in the reader's language. */
  static invalidAnswers(problems: AnswerProblem[]): RegistrationError {
    const fields = problems.map((problem) => ({
      field: `answers.${problem.questionId}`,
      message: `“${problem.label}”: ${ANSWER_PROBLEM_TEXTS[problem.reason]}`,
    }));
    return new RegistrationError(
      'invalid',
      'registration_answers_invalid',
      fields.map((field) => field.message).join(' '),
      fields,
      problems.map(({ questionId, reason }) => ({ questionId, reason })),
    );
  }

  static eventNotFound(id: string): RegistrationError {
    return new RegistrationError('not_found', 'event_not_found', `No event with id ${id}.`);
  }

  static forbidden(message: string): RegistrationError {
    return new RegistrationError('forbidden', 'forbidden', message);
  }

  static inUse(message: string, problems: FieldProblem[]): RegistrationError {
    return new RegistrationError('conflict', 'question_in_use', message, problems);
  }
}
