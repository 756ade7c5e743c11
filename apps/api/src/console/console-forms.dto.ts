import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { Role, ROLES } from '@app/planning';
import { Language, LANGUAGES } from '@app/presentation';
import { CSRF_FIELD } from './csrf.guard';

/** Every console form may carry the session's token; CsrfGuard checks it where a session exists. */
export class ConsoleFormDto {
  @IsOptional()
  @IsString()
  @MaxLength(100)
  [CSRF_FIELD]?: string;
}

export class SignInFormDto extends ConsoleFormDto {
  @IsString()
  @MaxLength(320)
  email: string;

  @IsOptional()
  @IsIn(['de', 'en'])
  lang?: 'de' | 'en';

  /** The console screen to return to once signed in; checked by the sign-in controller. */
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  next?: string;
}

export class CodeFormDto extends SignInFormDto {
  @IsString()
  @MaxLength(20)
  code: string;
}

export class LanguageFormDto extends ConsoleFormDto {
  @IsIn(LANGUAGES)
  language: Language;
}

export class InviteFormDto extends ConsoleFormDto {
  @IsString()
  @MaxLength(320)
  email: string;

  @IsString()
  @MaxLength(200)
  name: string;

  @IsIn(ROLES)
  role: Role;
}

export class RoleFormDto extends ConsoleFormDto {
  @IsIn(ROLES)
  role: Role;
}
