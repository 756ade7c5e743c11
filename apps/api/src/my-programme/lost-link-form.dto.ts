import { IsString, MaxLength } from 'class-validator';

/** The "Lost your link?" form; the address itself is checked by the page, which explains it. */
export class LostLinkFormDto {
  @IsString()
  @MaxLength(320)
  email: string;
}
