import { ExecutionContext, SetMetadata } from '@nestjs/common';

const SIGN_IN_RATE_LIMIT = 'treffpunkt:sign-in-rate-limit';

/** Marks the console's sign-in handlers, which count against the sign-in limit per client address. */
export const SignInRateLimit = (): MethodDecorator => SetMetadata(SIGN_IN_RATE_LIMIT, true);

export function isSignInRateLimited(context: ExecutionContext): boolean {
  return Reflect.getMetadata(SIGN_IN_RATE_LIMIT, context.getHandler()) === true;
}
