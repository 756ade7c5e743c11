import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { ChangeVersionModule } from '@app/database';
import { Event } from './events/event.entity';
import { EventChangeListeners } from './events/event-change';
import { EventsService } from './events/events.service';
import { EventTreeReader } from './events/event-tree';
import { EmbeddingOrigin } from './organisations/embedding-origin.entity';
import { EmbeddingOriginsService } from './organisations/embedding-origins.service';
import { OrganisationFormerCode } from './organisations/organisation-former-code.entity';
import { Organisation } from './organisations/organisation.entity';
import { OrganisationsService } from './organisations/organisations.service';
import { Partnership } from './partnerships/partnership.entity';
import { PartnershipsService } from './partnerships/partnerships.service';
import { Person } from './people/person.entity';
import { PeopleService } from './people/people.service';
import { PeopleImportService } from './people/people-import.service';
import { PeopleVisibility } from './people/people-visibility';
import { PersonDataHolders } from './people/person-data';
import { PersonAuditData } from './people/person-audit-data';

const SERVICES = [
  OrganisationsService,
  EmbeddingOriginsService,
  PartnershipsService,
  PeopleService,
  PeopleImportService,
  PeopleVisibility,
  EventsService,
  EventTreeReader,
  EventChangeListeners,
  PersonDataHolders,
  PersonAuditData,
];

@Module({
  imports: [
    TypeOrmModule.forFeature([
      Organisation,
      OrganisationFormerCode,
      EmbeddingOrigin,
      Partnership,
      Person,
      Event,
    ]),
    ChangeVersionModule,
    AuditModule,
  ],
  providers: SERVICES,
  exports: [TypeOrmModule, ...SERVICES],
})
export class PlanningModule {}
