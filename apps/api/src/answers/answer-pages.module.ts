import { Module } from '@nestjs/common';
import { InvitationsModule } from '@app/invitations';
import { RegistrationModule } from '@app/registration';
import { AnswersController } from './answers.controller';

/** The public answer pages at /answer/:token, outside the organiser API. */
@Module({
  imports: [InvitationsModule, RegistrationModule],
  controllers: [AnswersController],
})
export class AnswerPagesModule {}
