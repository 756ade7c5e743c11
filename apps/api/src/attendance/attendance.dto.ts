import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsUUID, ValidateNested } from 'class-validator';

export class AttendanceChangeDto {
  @ApiProperty({ format: 'uuid', description: 'The invitation that makes the person expected at the event.' })
  @IsUUID()
  invitationId: string;

  @ApiProperty({ description: 'true checks the person in (the first time is kept); false undoes it.' })
  @IsBoolean()
  present: boolean;
}

export class AttendanceChangesDto {
  @ApiProperty({ type: [AttendanceChangeDto], minItems: 1, maxItems: 1000 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => AttendanceChangeDto)
  changes: AttendanceChangeDto[];
}
