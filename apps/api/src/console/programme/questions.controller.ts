import { Body, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { Response } from 'express';
import { ConsoleSession } from '@app/accounts';
import { EventsService } from '@app/planning';
import {
  QuestionInput,
  RegistrationError,
  RegistrationQuestionsService,
  SensitiveAnswersRetention,
} from '@app/registration';
import { ConsoleScreen } from '../console-screen.decorator';
import { CurrentSession } from '../current-session.decorator';
import { ConsoleFormDto } from '../console-forms.dto';
import { sendConsolePage } from '../send-console-page';
import {
  daysOfForm,
  fieldErrors,
  inputOf,
  MoveQuestionFormDto,
  QuestionFormDto,
  questionOfForm,
  RetentionFormDto,
} from './question-form';
import { questionsPage, questionsPath, QuestionsView } from './questions.page';

/**
 * An event's registration questions in the programme editor: add, edit, reorder, remove. Each
 * change writes the whole ordered list through the lib's one replace, as the API's PUT does, so
 * its checks (and refusals of changes that would make answers unreadable) hold here too.
 */
@ConsoleScreen('console/programme/events/:id/questions')
export class QuestionsController {
  constructor(
    private readonly questions: RegistrationQuestionsService,
    private readonly events: EventsService,
    private readonly retention: SensitiveAnswersRetention,
  ) {}

  @Get()
  async show(
    @CurrentSession() session: ConsoleSession,
    @Param('id', ParseUUIDPipe) id: string,
    @Query('done') done: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const view = await this.view(session, id);
    sendConsolePage(response, 200, questionsPage(session, { ...view, saved: done === 'saved' }));
  }

  @Post()
  async add(
    @CurrentSession() session: ConsoleSession,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() form: QuestionFormDto,
    @Res() response: Response,
  ): Promise<void> {
    const question = questionOfForm(form);
    await this.change(session, id, response, null, question, (current) => [...current, question]);
  }

  /** Declared before `:questionId`, which would take "retention" for a question's id. */
  @Post('retention')
  async setRetention(
    @CurrentSession() session: ConsoleSession,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() form: RetentionFormDto,
    @Res() response: Response,
  ): Promise<void> {
    try {
      await this.retention.setDays(session.actor, id, daysOfForm(form));
    } catch (error) {
      if (!(error instanceof RegistrationError) || error.code !== 'invalid_input') throw error;
      const view = await this.view(session, id);
      sendConsolePage(response, 400, questionsPage(session, { ...view, retentionAgain: form.days ?? '' }));
      return;
    }
    response.redirect(303, `${questionsPath(id)}?done=saved`);
  }

  @Post(':questionId')
  async edit(
    @CurrentSession() session: ConsoleSession,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('questionId', ParseUUIDPipe) questionId: string,
    @Body() form: QuestionFormDto,
    @Res() response: Response,
  ): Promise<void> {
    const question = questionOfForm(form, questionId);
    await this.change(session, id, response, questionId, question, (current) =>
      current.map((each) => (each.id === questionId ? question : each)),
    );
  }

  @Post(':questionId/move')
  async move(
    @CurrentSession() session: ConsoleSession,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('questionId', ParseUUIDPipe) questionId: string,
    @Body() form: MoveQuestionFormDto,
    @Res() response: Response,
  ): Promise<void> {
    await this.change(session, id, response, questionId, null, (current) => {
      const from = current.findIndex((each) => each.id === questionId);
      const to = from + (form.direction === 'up' ? -1 : 1);
      if (from < 0 || to < 0 || to >= current.length) return current;
      const moved = [...current];
      [moved[from], moved[to]] = [moved[to], moved[from]];
      return moved;
    });
  }

  @Post(':questionId/remove')
  async remove(
    @CurrentSession() session: ConsoleSession,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('questionId', ParseUUIDPipe) questionId: string,
    @Body() _form: ConsoleFormDto,
    @Res() response: Response,
  ): Promise<void> {
    await this.change(session, id, response, questionId, null, (current) =>
      current.filter((each) => each.id !== questionId),
    );
  }

  /**
   * Writes the changed list; a refusal of the changed question shows the page again (400, or 409
   * when answers hold what it would remove) with what was entered and a message at each field.
   */
  private async change(
    session: ConsoleSession,
    eventId: string,
    response: Response,
    questionId: string | null,
    entered: QuestionInput | null,
    change: (current: QuestionInput[]) => QuestionInput[],
  ): Promise<void> {
    const current = (await this.questions.list(session.actor, eventId)).questions.map(inputOf);
    const changed = change(current);
    try {
      await this.questions.replace(session.actor, eventId, changed);
    } catch (error) {
      if (!(error instanceof RegistrationError) || !entered) throw error;
      if (error.code !== 'invalid_input' && error.code !== 'question_in_use') throw error;
      const index = changed.indexOf(entered);
      const view = await this.view(session, eventId);
      const again = {
        questionId,
        values: entered,
        fields: fieldErrors(error, index),
        inUse: error.code === 'question_in_use',
      };
      sendConsolePage(
        response,
        error.code === 'question_in_use' ? 409 : 400,
        questionsPage(session, { ...view, again }),
      );
      return;
    }
    response.redirect(303, `${questionsPath(eventId)}?done=saved`);
  }

  private async view(session: ConsoleSession, eventId: string): Promise<QuestionsView> {
    const [event, questions, retention] = await Promise.all([
      this.events.get(session.actor, eventId),
      this.questions.list(session.actor, eventId),
      this.retention.policy(session.actor, eventId),
    ]);
    return { event, questions, retention };
  }
}
