/** Single sign-on through the installation's OpenID Connect provider, in English: the shape the other languages follow. */
export const consoleSsoEn = {
  button: 'Sign in with {{provider}}',
  orEmail: 'or',
  startAgain: 'Start sign-in again',
  signInByEmail: 'Sign in by email instead',
  unknownTitle: 'No account for this address yet',
  unknown:
    'Your sign-in worked, but no organiser account has the address {{email}}. Ask an admin of your organisation to invite you to Treffpunkt.',
  unverifiedTitle: 'Email address not verified',
  unverified:
    'Your identity provider has not confirmed your email address, so it cannot sign you in here. Ask your IT department, or sign in by email.',
  deniedTitle: 'Sign-in was not allowed',
  denied:
    'The identity provider did not sign you in, for example because access was refused. You can try again.',
  failedTitle: 'Sign-in could not be completed',
  failed:
    'This sign-in took too long, was started in another browser or did not match. Start it again from the sign-in page.',
  unavailableTitle: 'Identity provider not reachable',
  unavailable:
    'The identity provider could not be reached or answered wrongly. Try again in a few minutes, or sign in by email.',
  offTitle: 'Single sign-on is not set up',
  off: 'This installation signs in by email only.',
};
