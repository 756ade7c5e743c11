import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { IsOmittable } from '../http/is-omittable.decorator';
import { PageQueryDto } from '../http/page.dto';

export class CreatePartnershipDto {
  @ApiProperty({ example: 'Kommunale Nachhaltigkeitspartnerschaft Arnsberg–Morogoro' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsString()
  @MaxLength(20000)
  description?: string;

  @ApiProperty({
    type: [String],
    format: 'uuid',
    description:
      "Members see the partnership's internal events and share it for people visibility: their keys see each other's people by name and organisation. Changing them needs an admin key or the lead organisation.",
  })
  @IsArray()
  @ArrayMinSize(1)
  @IsUUID('all', { each: true })
  memberOrganisationIds: string[];

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "The member that manages the membership (adds and removes members, hands the lead on, deletes the partnership). Defaults to the key's organisation; for admin keys to the first member named.",
  })
  @IsOmittable()
  @IsUUID()
  leadOrganisationId?: string;
}

export class UpdatePartnershipDto extends PartialType(CreatePartnershipDto, { skipNullProperties: false }) {
  @ApiPropertyOptional({
    description:
      "Removing members answers 409 `member_removal_unconfirmed` with `details.removedMembers`: per organisation the internal events its keys would no longer see and how many of its people hold invitations to the partnership's events (those stay valid). Send the same change with `confirmMemberRemoval: true` to remove them; the answer lists the same under `memberChanges.removed`.",
  })
  @IsOmittable()
  @IsBoolean()
  confirmMemberRemoval?: boolean;
}

export class PartnershipQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only partnerships this organisation belongs to.' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;
}
