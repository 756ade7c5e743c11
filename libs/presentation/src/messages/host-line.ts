import { Messages } from './messages';

/** Someone hosting a guest, as an itinerary, a schedule or a calendar entry names them. */
export interface HostLine {
  role: 'host_family' | 'guide' | 'interpreter' | 'driver';
  /** The host's name on a guest's itinerary; "Guest: …" on a host's schedule. */
  name: string;
  phone: string | null;
  address: string | null;
  notes: string;
}

/** "Driver: Jonas Weber, Phone +49 …: Pick-up at Frankfurt airport, Terminal 1". */
export function hostLine(messages: Messages, host: HostLine): string {
  const { t } = messages;
  const contact = [host.name, host.phone ? t('itinerary.phone', { phone: host.phone }) : null, host.address]
    .filter(Boolean)
    .join(', ');
  return `${t(`itinerary.role.${host.role}`)}: ${contact}${host.notes ? `: ${host.notes}` : ''}`;
}
