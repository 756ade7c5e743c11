import { Module } from '@nestjs/common';
import { TimeWordsController } from './time-words.controller';

/** Date fields said in words in the console's language: the script the programme's forms load. */
@Module({ controllers: [TimeWordsController] })
export class TimeWordsModule {}
