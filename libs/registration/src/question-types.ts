/** The kinds of registration questions; stored with every question, never rename one. */
export const QUESTION_TYPES = ['text', 'single_choice', 'multiple_choice', 'yes_no', 'date'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** When a question is asked: on the open sign-up form, with the answer to an invitation, or both. */
export const ASKED_AT = ['sign_up', 'answer'] as const;
export type AskedAt = (typeof ASKED_AT)[number];

/** A stored answer: text and dates as text (YYYY-MM-DD), choices as the options' texts, yes/no as a boolean. */
export type AnswerValue = string | string[] | boolean;

export const CHOICE_TYPES: readonly QuestionType[] = ['single_choice', 'multiple_choice'];

export const LIMITS = {
  questionsPerEvent: 50,
  labelLength: 300,
  optionsPerQuestion: 50,
  optionLength: 200,
  textAnswerLength: 2000,
} as const;
