import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { HOST_ROLES, HostRole } from '@app/hosting';
import { ConsoleFormDto } from '../console-forms.dto';

/** A browser posts one checked box as a value and several as a list. */
const asList = ({ value }: { value: unknown }): unknown[] => (Array.isArray(value) ? value : [value]);

/**
 * The assign-a-host form. Fields are checked as text only; HostingService says what is wrong with
 * their values (an unknown guest, a night outside the visit), as it does for the API.
 */
export class HostFormDto extends ConsoleFormDto {
  @IsString()
  @MaxLength(100)
  guestId: string;

  @IsString()
  @MaxLength(100)
  hostId: string;

  @IsIn(HOST_ROLES)
  role: HostRole;

  @IsOptional()
  @IsString()
  @MaxLength(20)
  night?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  partId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  phone?: string;

  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  notes?: string;
}

export class RoomFormDto extends ConsoleFormDto {
  @IsString()
  @MaxLength(100)
  accommodationId: string;

  @IsString()
  @MaxLength(20)
  night: string;

  @IsString()
  @MaxLength(100)
  room: string;

  @IsOptional()
  @Transform(asList)
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  guestIds?: string[];
}
