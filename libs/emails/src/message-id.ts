/**
 * The Message-ID of an outbox email, derived from its id alone: should a crash between the SMTP
 * relay's acceptance and our commit make us send it again, both copies carry the same id, so
 * mail clients (and people) recognise the second as a duplicate.
 */
export function messageIdFor(emailId: string, publicBaseUrl: string): string {
  return `<email-${emailId}@${new URL(publicBaseUrl).hostname}>`;
}
