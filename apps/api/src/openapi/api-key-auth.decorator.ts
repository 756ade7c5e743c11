import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiSecurity } from '@nestjs/swagger';

/** The security schemes of the document; sign-in by session cookie will be another one beside them. */
export const BEARER_SCHEME = 'bearer';
export const API_KEY_HEADER_SCHEME = 'apiKey';

/** The operations need an organiser API key, sent either way ApiKeyGuard reads it. */
export function ApiKeyAuth(): ClassDecorator & MethodDecorator {
  return applyDecorators(ApiBearerAuth(BEARER_SCHEME), ApiSecurity(API_KEY_HEADER_SCHEME));
}
