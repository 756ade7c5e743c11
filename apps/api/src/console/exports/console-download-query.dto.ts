import { IsIn } from 'class-validator';
import { PARTICIPANT_FORMATS, ParticipantFormat } from '@app/exports';
import { ParticipantExportQueryDto } from '../../exports/export-query.dto';

/** The download form: which of the two buttons was pressed, besides the API's options. */
export class ConsoleDownloadQueryDto extends ParticipantExportQueryDto {
  @IsIn(PARTICIPANT_FORMATS)
  format: ParticipantFormat;
}
