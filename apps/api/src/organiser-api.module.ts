import { Module } from '@nestjs/common';
import { AccessModule } from '@app/access';
import { PlanningModule } from '@app/planning';
import { ApiKeysController } from './api-keys/api-keys.controller';
import { EventsController } from './events/events.controller';
import { OrganisationsController } from './organisations/organisations.controller';
import { PartnershipsController } from './partnerships/partnerships.controller';
import { PeopleController } from './people/people.controller';

/** The organiser API, mounted under /api/v1. */
@Module({
  imports: [PlanningModule, AccessModule],
  controllers: [
    OrganisationsController,
    PartnershipsController,
    PeopleController,
    EventsController,
    ApiKeysController,
  ],
})
export class OrganiserApiModule {}
