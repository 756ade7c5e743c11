import { Body, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { Response } from 'express';
import { ConsoleSession } from '@app/accounts';
import { InvitationError, SignUpsService } from '@app/invitations';
import { ConsoleFormDto } from '../console-forms.dto';
import { ConsoleScreen } from '../console-screen.decorator';
import { CurrentSession } from '../current-session.decorator';
import { sendConsolePage } from '../send-console-page';
import { eventEditorPage } from './event-editor.page';
import { editorPath } from './programme-list.page';
import { ProgrammeService } from './programme.service';
import { deadlineOf } from './sign-up-switch.page';

export class SignUpSwitchFormDto extends ConsoleFormDto {
  /** A checkbox: present when ticked. */
  @IsOptional()
  @IsIn(['1'])
  open?: '1';

  @IsOptional()
  @IsString()
  @MaxLength(40)
  deadline?: string;
}

/** Switches open sign-up of an event on or off from its editor, through invitations' rules. */
@ConsoleScreen('console/programme/events')
export class SignUpSwitchController {
  constructor(
    private readonly programme: ProgrammeService,
    private readonly signUps: SignUpsService,
  ) {}

  @Post(':id/sign-up')
  async save(
    @CurrentSession() session: ConsoleSession,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() form: SignUpSwitchFormDto,
    @Res() response: Response,
  ): Promise<void> {
    const editor = await this.programme.editor(session.actor, id);
    const open = form.open === '1';
    const deadline = deadlineOf(editor.event, form.deadline);
    try {
      if (deadline === undefined)
        throw InvitationError.invalid('deadline', 'The deadline is not a date and time.');
      await this.signUps.configure(session.actor, id, { open, deadline });
    } catch (error) {
      const problem =
        error instanceof InvitationError && error.code === 'sign_up_not_possible'
          ? 'console.signUp.notPossible'
          : error instanceof InvitationError && error.code === 'invalid_input'
            ? 'console.signUp.deadlineInvalid'
            : null;
      if (!problem || !(error instanceof InvitationError)) throw error;
      const settings = await this.signUps.settings(session.actor, id);
      const again = { open, deadline: form.deadline ?? '', problem } as const;
      const page = eventEditorPage(session, { editor, signUp: { settings, writer: true, again } });
      sendConsolePage(response, error.code === 'invalid_input' ? 400 : 409, page);
      return;
    }
    response.redirect(303, `${editorPath(id)}?signUp=saved#sign-up-heading`);
  }
}
