import { DomainError, DomainErrorKind } from '@app/errors';

export class AccessError extends DomainError {
  constructor(kind: DomainErrorKind, code: string, message: string) {
    super(kind, code, message);
  }
}
