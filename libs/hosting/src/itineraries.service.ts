import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { InvitationError, invitationOfAnswerToken } from '@app/invitations';
import { Actor, findEvent } from '@app/planning';
import { HOSTED_VISIT_KINDS } from './host-role';
import { HostingError } from './hosting.error';
import { HostingService } from './hosting.service';
import { printItinerary } from './hosting-pdfs';
import { Itinerary, itineraryOf } from './itinerary';

/** A guest's itinerary: for the guest behind their answer link, and for the visit's organisers. */
@Injectable()
export class ItinerariesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hosting: HostingService,
  ) {}

  /** The itinerary of the visit the answer link invites to; the link is the credential. */
  async forAnswerLink(token: string): Promise<Itinerary> {
    const manager = this.dataSource.manager;
    const invitation = await invitationOfAnswerToken(manager, token);
    const visit = invitation ? await findEvent(manager, invitation.eventId) : null;
    if (!invitation || !visit || !(HOSTED_VISIT_KINDS as readonly string[]).includes(visit.kind)) {
      throw InvitationError.unknownLink();
    }
    const itinerary = itineraryOf(await this.hosting.planOf(manager, visit), invitation.personId);
    if (!itinerary) throw InvitationError.unknownLink();
    return itinerary;
  }

  async forOrganiser(actor: Actor, visitId: string, personId: string): Promise<Itinerary> {
    const itinerary = itineraryOf(await this.hosting.plan(actor, visitId), personId);
    if (!itinerary) throw HostingError.notInvited('personId', personId);
    return itinerary;
  }

  pdf(itinerary: Itinerary): Promise<Buffer> {
    return printItinerary(itinerary);
  }
}
