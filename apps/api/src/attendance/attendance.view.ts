import { ApiProperty } from '@nestjs/swagger';
import { AttendanceEntry, AttendanceSheet } from '@app/attendance';

export class AttendanceEntryView {
  @ApiProperty({ format: 'uuid' })
  invitationId: string;

  @ApiProperty({ format: 'uuid' })
  personId: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  organisationId: string | null;

  @ApiProperty({ type: String, nullable: true })
  organisationName: string | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Null while not checked in.',
  })
  checkedInAt: Date | null;
}

export class AttendanceView {
  @ApiProperty({ format: 'uuid' })
  eventId: string;

  @ApiProperty({ description: 'People checked in.' })
  present: number;

  @ApiProperty({
    description: 'People expected: accepted invitations, or confirmed seats for a workshop or session.',
  })
  expected: number;

  @ApiProperty({ type: [AttendanceEntryView], description: 'Everyone expected, sorted by name.' })
  entries: AttendanceEntryView[];
}

export function attendanceView(sheet: AttendanceSheet): AttendanceView {
  return {
    eventId: sheet.event.id,
    present: sheet.present,
    expected: sheet.expected,
    entries: sheet.entries.map((entry: AttendanceEntry): AttendanceEntryView => ({
      invitationId: entry.invitationId,
      personId: entry.personId,
      name: entry.name,
      organisationId: entry.organisationId,
      organisationName: entry.organisationName,
      checkedInAt: entry.checkedInAt,
    })),
  };
}
