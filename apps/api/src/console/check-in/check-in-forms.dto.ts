import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ConsoleFormDto } from '../console-forms.dto';

/** A tick or its undo on the list; `q` keeps the list filtered as it was. */
export class TickFormDto extends ConsoleFormDto {
  @IsUUID()
  invitation: string;

  @IsIn(['1', '0'])
  present: '1' | '0';

  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}
