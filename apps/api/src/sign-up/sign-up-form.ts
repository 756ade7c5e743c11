import { IsOptional, IsString, MaxLength } from 'class-validator';
import { isEmail } from 'class-validator';
import { ChallengeProblem, SignUpRequest } from '@app/invitations';
import { Language, LANGUAGES } from '@app/presentation';

const MAX_NAME = 200;
const MAX_EMAIL = 320;

/**
 * The sign-up form as the browser posts it: every field an optional string, so that a wrong one
 * is shown at its field on the form again rather than answered as JSON.
 */
export class SignUpFormDto {
  @IsOptional() @IsString() @MaxLength(2000) name?: string;
  @IsOptional() @IsString() @MaxLength(2000) email?: string;
  @IsOptional() @IsString() @MaxLength(10) language?: string;
  @IsOptional() @IsString() @MaxLength(2000) organisation?: string;
  /** The honeypot: hidden from people, filled in by bots that fill in everything. */
  @IsOptional() @IsString() @MaxLength(2000) website?: string;
  @IsOptional() @IsString() @MaxLength(200) challenge?: string;
  @IsOptional() @IsString() @MaxLength(20) proof?: string;
}

export type SignUpField = 'name' | 'email' | 'language' | 'organisation';

/** The message key of each field's problem, and of the form's (a failed check against bots). */
export type SignUpProblem =
  | 'nameRequired'
  | 'emailInvalid'
  | 'languageInvalid'
  | 'organisationTooLong'
  | 'tooFast'
  | 'challengeInvalid'
  | 'proofMissing';

export interface SignUpFormValues {
  name: string;
  email: string;
  language: Language;
  organisation: string;
}

export interface ReadSignUpForm {
  values: SignUpFormValues;
  problems: Partial<Record<SignUpField | 'form', SignUpProblem>>;
}

const CHALLENGE_MESSAGES: Record<ChallengeProblem, SignUpProblem> = {
  challenge_invalid: 'challengeInvalid',
  too_fast: 'tooFast',
  proof_missing: 'proofMissing',
  proof_invalid: 'proofMissing',
};

/** What was entered, trimmed, and what is wrong with it; `challenge` is the outcome of the check against bots. */
export function readSignUpForm(
  form: SignUpFormDto,
  fallbackLanguage: Language,
  challenge: ChallengeProblem | null,
): ReadSignUpForm {
  const values: SignUpFormValues = {
    name: (form.name ?? '').trim(),
    email: (form.email ?? '').trim(),
    language: isLanguage(form.language) ? form.language : fallbackLanguage,
    organisation: (form.organisation ?? '').trim(),
  };
  const problems: ReadSignUpForm['problems'] = {};
  if (!values.name || values.name.length > MAX_NAME) problems.name = 'nameRequired';
  if (values.email.length > MAX_EMAIL || !isEmail(values.email)) problems.email = 'emailInvalid';
  if (form.language !== undefined && !isLanguage(form.language)) problems.language = 'languageInvalid';
  if (values.organisation.length > MAX_NAME) problems.organisation = 'organisationTooLong';
  if (challenge) problems.form = CHALLENGE_MESSAGES[challenge];
  return { values, problems };
}

export function signUpRequestOf(eventId: string, values: SignUpFormValues): SignUpRequest {
  return {
    eventId,
    name: values.name,
    email: values.email,
    locale: values.language,
    organisation: values.organisation || null,
  };
}

export function isLanguage(value: string | undefined): value is Language {
  return (LANGUAGES as readonly string[]).includes(value ?? '');
}
