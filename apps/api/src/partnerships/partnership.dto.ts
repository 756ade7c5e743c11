import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ArrayMinSize, IsArray, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
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

  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMinSize(1)
  @IsUUID('all', { each: true })
  memberOrganisationIds: string[];
}

export class UpdatePartnershipDto extends PartialType(CreatePartnershipDto, { skipNullProperties: false }) {}

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
