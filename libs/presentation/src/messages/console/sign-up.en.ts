/** Open sign-up on the console's event editor, in English: the shape the other languages follow. */
export const consoleSignUpEn = {
  heading: 'Open sign-up',
  intro:
    'With open sign-up, anyone can sign up on the public calendar page with their name and email address, confirmed by a link sent there. Confirmed sign-ups are invitations: accepted while seats are free, waitlisted after.',
  open: 'Open: the public calendar takes sign-ups until {{until}}.',
  untilStart: 'the event starts',
  closed: 'Closed: only invited people can answer.',
  notTaking:
    'Switched on, but the event takes no sign-ups now: it is not public and published, has started, or the deadline has passed.',
  notPossible: 'Only public, published events can take sign-ups: publish the event first.',
  seats: '{{taken}} taken, {{left}} left, {{pending}} waiting for their email confirmation.',
  seatsUnlimited: '{{taken}} signed up or accepted, {{pending}} waiting for their email confirmation.',
  switch: 'Take sign-ups from the public calendar',
  deadline: 'Sign-up deadline (local time at the place, optional)',
  deadlineHint: 'Leave empty to take sign-ups until the event starts.',
  deadlineInvalid: 'Enter a date and time before the start of the event, or leave it empty.',
  save: 'Save sign-up settings',
  saved: 'The sign-up settings were saved.',
  publicPage: 'Open the public sign-up page',
};
