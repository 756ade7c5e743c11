import { describeOnScreen } from '@app/testing';
import { renderSignInEmail } from './sign-in-email';

const url = 'https://treffpunkt.arnsberg.example/console/sign-in/Xk2m1bq9ZtYtGf0eS0rN0bS1cT2dU3eV4fW5gX6hY7i';

describeOnScreen('sign-in emails', 'email', [
  {
    name: 'sign-in-email-de',
    html: renderSignInEmail({
      language: 'de',
      recipientName: 'Katrin Wegener',
      url,
      code: '04718236',
      invitation: null,
    }).html,
    shows: ['Guten Tag Katrin Wegener,', 'Anmelden', '0471 8236', 'gilt einmal, 15 Minuten lang'],
  },
  {
    name: 'sign-in-invitation-en',
    html: renderSignInEmail({
      language: 'en',
      recipientName: 'Grace Massawe',
      url,
      code: '99120034',
      invitation: { inviter: 'Katrin Wegener', organisation: 'Morogoro Municipal Council' },
    }).html,
    shows: [
      'Katrin Wegener invites you to plan events for Morogoro Municipal Council',
      'Sign in',
      '9912 0034',
    ],
  },
  {
    name: 'sign-in-email-sw',
    html: renderSignInEmail({
      language: 'sw',
      recipientName: 'Grace Massawe',
      url,
      code: '12345678',
      invitation: null,
    }).html,
    shows: ['Habari Grace Massawe,', 'Ingia', '1234 5678'],
  },
]);
