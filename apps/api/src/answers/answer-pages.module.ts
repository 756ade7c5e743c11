import { Module } from '@nestjs/common';
import { InvitationsModule } from '@app/invitations';
import { AnswersController } from './answers.controller';

/** The public answer pages at /answer/:token, outside the organiser API. */
@Module({
  imports: [InvitationsModule],
  controllers: [AnswersController],
})
export class AnswerPagesModule {}
