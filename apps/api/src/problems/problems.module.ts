import { Module } from '@nestjs/common';
import { ProblemsController } from './problems.controller';

/** The /problems page that the `type` of every error answer links to. */
@Module({ controllers: [ProblemsController] })
export class ProblemsModule {}
