import { systemActor } from '@app/audit';
import { Actor, Role } from '@app/planning';
import { maySeeSensitiveAnswers } from './registration-access';

const HOST = 'arnsberg';
const event = { hostOrganisationId: HOST };
const actor = (organisationId: string, role: Role): Actor => ({
  organisationId,
  role,
  who: systemActor('test'),
});

describe(maySeeSensitiveAnswers.name, () => {
  it('should let admins and the host’s organisers see sensitive answers', () => {
    expect(maySeeSensitiveAnswers(actor(HOST, 'organiser'), event)).toBe(true);
    expect(maySeeSensitiveAnswers(actor('operators', 'admin'), event)).toBe(true);
  });

  it('should keep them from the host’s viewers and from co-hosts', () => {
    expect(maySeeSensitiveAnswers(actor(HOST, 'viewer'), event)).toBe(false);
    expect(maySeeSensitiveAnswers(actor('morogoro', 'organiser'), event)).toBe(false);
  });
});
