import { Body, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { Response } from 'express';
import { ConsoleSession, TeamService } from '@app/accounts';
import { OrganisationsService } from '@app/planning';
import { InviteFormDto, RoleFormDto } from '../console-forms.dto';
import { ConsoleScreen } from '../console-screen.decorator';
import { CurrentSession } from '../current-session.decorator';
import { sendConsolePage } from '../send-console-page';
import { teamPage } from './team.page';

const TEAM_PATH = '/console/settings/team';

/** Settings → Team: everyone sees the team; TeamService lets only admins change it. */
@ConsoleScreen('console/settings/team')
export class TeamController {
  constructor(
    private readonly team: TeamService,
    private readonly organisations: OrganisationsService,
  ) {}

  @Get()
  async show(
    @CurrentSession() session: ConsoleSession,
    @Query('invited') invited: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const [team, organisation] = await Promise.all([
      this.team.team(session.actor),
      this.organisations.get(session.actor.organisationId),
    ]);
    const invitedEmail =
      invited && team.invitations.some((invitation) => invitation.email === invited) ? invited : null;
    sendConsolePage(
      response,
      200,
      teamPage({ session, organisationName: organisation.name, team, invited: invitedEmail }),
    );
  }

  @Post('invitations')
  async invite(
    @CurrentSession() session: ConsoleSession,
    @Body() form: InviteFormDto,
    @Res() response: Response,
  ) {
    await this.team.invite(session.actor, form);
    response.redirect(303, `${TEAM_PATH}?invited=${encodeURIComponent(form.email.trim().toLowerCase())}`);
  }

  @Post('members/:accountId/role')
  async changeRole(
    @CurrentSession() session: ConsoleSession,
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Body() form: RoleFormDto,
    @Res() response: Response,
  ) {
    await this.team.changeRole(session.actor, accountId, form.role);
    response.redirect(303, TEAM_PATH);
  }

  @Post('members/:accountId/remove')
  async remove(
    @CurrentSession() session: ConsoleSession,
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Res() response: Response,
  ) {
    await this.team.remove(session.actor, accountId);
    response.redirect(303, TEAM_PATH);
  }
}
