import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { createHmac, KeyObject, timingSafeEqual } from 'node:crypto';
import { answersConfig, derivedKey, httpConfig } from '@app/config';

const CODE_PATTERN = /^([0-9a-f]{32})([A-Za-z0-9_-]{22})$/;

/** Where a scanned code leads: the console's check-in confirmation for the event. */
export function checkInPath(eventId: string, code: string): string {
  return `/console/check-in/${eventId}/${code}`;
}

/**
 * The code on a participant's programme page: their invitation's id and a MAC of it (128 bits),
 * so that it names the invitation without a lookup table and cannot be made up for another one.
 * It opens nothing by itself: only a signed-in organiser of the host can check someone in with it.
 */
@Injectable()
export class CheckInCodes {
  private readonly key: KeyObject;
  private readonly baseUrl: string;

  constructor(
    @Inject(answersConfig.KEY) answers: ConfigType<typeof answersConfig>,
    @Inject(httpConfig.KEY) http: ConfigType<typeof httpConfig>,
  ) {
    this.key = derivedKey(answers.linkSecret, 'check-in code v1');
    this.baseUrl = http.publicBaseUrl;
  }

  code(invitationId: string): string {
    const id = invitationId.replaceAll('-', '');
    return `${id}${this.mac(id).toString('base64url')}`;
  }

  /** The console URL a phone's camera opens. */
  url(eventId: string, invitationId: string): string {
    return `${this.baseUrl}${checkInPath(eventId, this.code(invitationId))}`;
  }

  /** The invitation a code names, or null for anything else. */
  invitationOf(code: string): string | null {
    const match = CODE_PATTERN.exec(code);
    if (!match) return null;
    // Compared as text: base64url's last character carries spare bits, which decoding would ignore.
    const given = Buffer.from(match[2]);
    const expected = Buffer.from(this.mac(match[1]).toString('base64url'));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const id = match[1];
    return `${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20)}`;
  }

  private mac(id: string): Buffer {
    return createHmac('sha256', this.key).update(id).digest().subarray(0, 16);
  }
}
