/** Open sign-up for public events: the calendar's button, the form, its pages and the confirmation email. */
export const signUpEn = {
  button: 'Sign up',
  seatsLeft_one: '1 seat left',
  seatsLeft_other: '{{count}} seats left',
  waitlist: 'Fully booked: sign up for the waiting list',
  deadline: 'Sign-up until {{deadline}}',
  pageTitle: 'Sign up: {{title}}',
  intro:
    'Sign up with your name and email address; no account needed. We send you an email with a link, and your sign-up counts once you confirm it there.',
  name: 'Your name',
  email: 'Email address',
  language: 'Language of our emails',
  organisation: 'Organisation (optional)',
  organisationHint: 'For example your association, school or municipality.',
  honeypot: 'Leave this field empty',
  workshopsNote: 'If the event has workshops, you choose them after confirming, on your personal page.',
  privacy: 'If you do not confirm within 48 hours, we delete what you entered.',
  submit: 'Sign up',
  working: 'Checking that a person sends this form – one moment…',
  noScript:
    'This form does a small calculation in your browser instead of a picture puzzle, to keep out bots. Please allow JavaScript for this page, or ask the organisers to sign you up.',
  badRequestTitle: 'Sign-up not sent',
  errorSummary: 'Please check the marked fields.',
  nameRequired: 'Please enter your name (at most 200 characters).',
  emailInvalid: 'Please enter a valid email address, like name@example.org.',
  languageInvalid: 'Please choose one of the languages.',
  organisationTooLong: 'Please shorten the organisation to at most 200 characters.',
  tooFast: 'That was very quick. Please check your entries and send the form again.',
  challengeInvalid: 'This form has expired. Please send it again.',
  proofMissing:
    'Your browser did not run the check against bots. Please allow JavaScript for this page and send the form again.',
  closedTitle: 'Sign-up closed',
  closedText: 'This event takes no sign-ups (any more).',
  checkTitle: 'Check your email',
  checkText:
    'We have sent a message to the address you entered. Open the link in it within 48 hours to confirm your sign-up. Until then no seat is held for you.',
  checkSpam: 'Nothing after a few minutes? Look in your spam folder, or sign up again.',
  confirmTitle: 'Confirm your sign-up',
  confirmText: 'Sign up {{name}} for {{title}}?',
  confirmButton: 'Confirm sign-up',
  linkInvalidTitle: 'Link not valid',
  linkInvalidText:
    'This confirmation link has been used or has expired. If you confirmed, your personal link is in the email we sent then; otherwise please sign up again.',
  tooManyTitle: 'Too many attempts',
  tooManyText: 'Please wait a while, then try again.',
  emailSubject: 'Please confirm your sign-up: {{title}}',
  emailIntro:
    'you – or someone with your address – signed up for {{title}} ({{when}}). Please confirm within 48 hours with the button below. Until then no seat is held.',
  emailButton: 'Confirm sign-up',
  emailIgnore:
    'Did not sign up? Then ignore this email: without confirmation the sign-up is deleted after 48 hours.',
};
