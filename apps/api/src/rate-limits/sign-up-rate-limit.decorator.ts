import { ExecutionContext, SetMetadata } from '@nestjs/common';

const SIGN_UP_RATE_LIMIT = 'treffpunkt:sign-up-rate-limit';

/** Marks the public sign-up forms and confirmations, which count against the sign-up limit per client address. */
export const SignUpRateLimit = (): MethodDecorator => SetMetadata(SIGN_UP_RATE_LIMIT, true);

export function isSignUpRateLimited(context: ExecutionContext): boolean {
  return Reflect.getMetadata(SIGN_UP_RATE_LIMIT, context.getHandler()) === true;
}
