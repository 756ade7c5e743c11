import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChangeVersionModule } from '@app/database';
import { PublicEventSearchEntry, PublicSearchLexeme } from './public-event-search.entity';
import { PublicProgrammeQueries } from './public-programme-queries';
import { PublicProgrammeService } from './public-programme.service';
import { PublicSitemapService } from './public-sitemap.service';

/** The read side of the public programme: the calendar page and `GET /public/events.json`. */
@Module({
  imports: [TypeOrmModule.forFeature([PublicEventSearchEntry, PublicSearchLexeme]), ChangeVersionModule],
  providers: [PublicProgrammeQueries, PublicProgrammeService, PublicSitemapService],
  exports: [PublicProgrammeService, PublicSitemapService],
})
export class PublicProgrammeModule {}
