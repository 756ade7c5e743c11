import { Body, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { Response } from 'express';
import { ConsoleSession } from '@app/accounts';
import { AnswersService, InvitationError, InvitationsService } from '@app/invitations';
import { AnswerProblemReason, RegistrationAnswersService, RegistrationError } from '@app/registration';
import { ConsoleScreen } from '../console-screen.decorator';
import { CurrentSession } from '../current-session.decorator';
import { sendConsolePage } from '../send-console-page';
import { AnswerOnBehalfFormDto } from './answer-on-behalf.dto';
import { answersListPage } from './answers-list.page';
import { eventAnswersPage } from './event-answers.page';
import { EventAnswersService } from './event-answers.service';
import {
  AnswerFormProblem,
  confirmWithdrawPage,
  EnteredAnswer,
  InviteeNotice,
  inviteePage,
  inviteePath,
} from './invitee.page';

const NOTICES: readonly string[] = ['answered', 'resent', 'withdrawn'] satisfies InviteeNotice[];

/**
 * Answers: the organisation's events with their answers and seats, and per invitee what an
 * organiser does after a phone call. Every change goes through the invitations lib with the
 * signed-in person's actor, which refuses viewers and events of other organisations.
 */
@ConsoleScreen('console/answers')
export class AnswersController {
  constructor(
    private readonly board: EventAnswersService,
    private readonly answers: AnswersService,
    private readonly invitations: InvitationsService,
    private readonly registrationAnswers: RegistrationAnswersService,
  ) {}

  @Get()
  async list(@CurrentSession() session: ConsoleSession, @Res() response: Response): Promise<void> {
    sendConsolePage(response, 200, answersListPage(session, await this.board.list(session.actor)));
  }

  @Get(':eventId')
  async event(
    @CurrentSession() session: ConsoleSession,
    @Param('eventId', ParseUUIDPipe) eventId: string,
    @Query('after') after: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const answers = await this.board.event(session.actor, eventId, after);
    sendConsolePage(response, 200, eventAnswersPage(session, answers));
  }

  @Get(':eventId/invitations/:invitationId')
  async invitee(
    @CurrentSession() session: ConsoleSession,
    @Param('eventId', ParseUUIDPipe) eventId: string,
    @Param('invitationId', ParseUUIDPipe) invitationId: string,
    @Query('done') done: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const answer = await this.board.invitee(session.actor, eventId, invitationId);
    const notice = done && NOTICES.includes(done) ? (done as InviteeNotice) : undefined;
    sendConsolePage(response, 200, inviteePage({ session, answer, notice }));
  }

  @Post(':eventId/invitations/:invitationId/answer')
  async answer(
    @CurrentSession() session: ConsoleSession,
    @Param('eventId', ParseUUIDPipe) eventId: string,
    @Param('invitationId', ParseUUIDPipe) invitationId: string,
    @Body() form: AnswerOnBehalfFormDto,
    @Res() response: Response,
  ): Promise<void> {
    const questions = form.question ?? {};
    const entered: EnteredAnswer = { answer: form.answer, workshopIds: form.workshop ?? [], questions };
    const show = async (
      status: number,
      problem: AnswerFormProblem,
      questionErrors?: EnteredAnswer['errors'],
    ) => {
      const answer = await this.board.invitee(session.actor, eventId, invitationId);
      const again = { ...entered, errors: questionErrors };
      sendConsolePage(response, status, inviteePage({ session, answer, problem, entered: again }));
    };
    if (!form.answer) return show(400, { field: 'answer', message: 'console.answers.chooseAnswer' });
    const accepting = form.answer === 'accept';
    try {
      await this.answers.answerFor(session.actor, eventId, invitationId, {
        answer: form.answer,
        workshopIds: entered.workshopIds,
        expectedStatus: form.seen,
        alongside: (manager, answered) =>
          this.registrationAnswers.recordForIn(manager, session.actor, answered, questions, {
            askedAt: 'answer',
            accepting,
          }),
      });
    } catch (error) {
      if (error instanceof RegistrationError && error.code === 'registration_answers_invalid') {
        const reasons = error.details as Array<{ questionId: string; reason: AnswerProblemReason }>;
        return show(
          400,
          { field: 'questions', message: 'console.answers.problems.questions' },
          new Map(reasons.map((problem) => [problem.questionId, problem.reason])),
        );
      }
      const problem = formProblem(error);
      if (!problem) throw error;
      return show(problem.status, problem);
    }
    response.redirect(303, `${inviteePath(eventId, invitationId)}?done=answered`);
  }

  @Post(':eventId/invitations/:invitationId/resend')
  async resend(
    @CurrentSession() session: ConsoleSession,
    @Param('eventId', ParseUUIDPipe) eventId: string,
    @Param('invitationId', ParseUUIDPipe) invitationId: string,
    @Res() response: Response,
  ): Promise<void> {
    try {
      await this.invitations.resend(session.actor, eventId, invitationId);
    } catch (error) {
      const problem = formProblem(error);
      if (!problem) throw error;
      const answer = await this.board.invitee(session.actor, eventId, invitationId);
      return sendConsolePage(response, problem.status, inviteePage({ session, answer, problem }));
    }
    response.redirect(303, `${inviteePath(eventId, invitationId)}?done=resent`);
  }

  @Get(':eventId/invitations/:invitationId/withdraw')
  async confirmWithdraw(
    @CurrentSession() session: ConsoleSession,
    @Param('eventId', ParseUUIDPipe) eventId: string,
    @Param('invitationId', ParseUUIDPipe) invitationId: string,
    @Res() response: Response,
  ): Promise<void> {
    const answer = await this.board.invitee(session.actor, eventId, invitationId);
    sendConsolePage(response, 200, confirmWithdrawPage(session, answer));
  }

  @Post(':eventId/invitations/:invitationId/withdraw')
  async withdraw(
    @CurrentSession() session: ConsoleSession,
    @Param('eventId', ParseUUIDPipe) eventId: string,
    @Param('invitationId', ParseUUIDPipe) invitationId: string,
    @Res() response: Response,
  ): Promise<void> {
    await this.invitations.withdraw(session.actor, eventId, invitationId);
    response.redirect(303, `${inviteePath(eventId, invitationId)}?done=withdrawn`);
  }
}

/**
 * The refusals an organiser can meet on the invitee's page, shown there in their language; others
 * (unknown ids, a role that may not) get the console's error page.
 */
function formProblem(error: unknown): (AnswerFormProblem & { status: number }) | null {
  if (!(error instanceof InvitationError)) return null;
  switch (error.code) {
    case 'event_cancelled':
    case 'invitation_withdrawn':
    case 'invitation_changed':
    case 'invitation_declined':
      return { status: 409, field: null, message: `console.answers.problems.${error.code}` };
    case 'invalid_input':
      return { status: 422, field: 'workshop', message: 'console.answers.problems.workshop' };
    case 'one_per_round':
    case 'round_taken':
      return { status: 409, field: 'workshop', message: 'console.answers.problems.sameRound' };
    case 'answer_link_unknown':
    case 'event_not_found':
    case 'invitation_not_found':
    case 'organisation_not_found':
    case 'partnership_not_found':
    case 'person_not_found':
    case 'forbidden':
    case 'sign_up_closed':
    case 'sign_up_not_possible':
    case 'sign_up_link_unknown':
    case 'seats_overlap':
      return null;
  }
}
