import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Event } from './events/event.entity';
import { EventsService } from './events/events.service';
import { Organisation } from './organisations/organisation.entity';
import { OrganisationsService } from './organisations/organisations.service';
import { Partnership } from './partnerships/partnership.entity';
import { PartnershipsService } from './partnerships/partnerships.service';
import { Person } from './people/person.entity';
import { PeopleService } from './people/people.service';

@Module({
  imports: [TypeOrmModule.forFeature([Organisation, Partnership, Person, Event])],
  providers: [OrganisationsService, PartnershipsService, PeopleService, EventsService],
  exports: [TypeOrmModule, OrganisationsService, PartnershipsService, PeopleService, EventsService],
})
export class PlanningModule {}
