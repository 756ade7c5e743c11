import { ExecutionContext, SetMetadata } from '@nestjs/common';

const ANSWER_RATE_LIMIT = 'treffpunkt:answer-rate-limit';

/** Marks the handlers that count against the answers' own, lower limit (see RateLimitsModule). */
export const AnswerRateLimit = (): MethodDecorator => SetMetadata(ANSWER_RATE_LIMIT, true);

export function isAnswerRateLimited(context: ExecutionContext): boolean {
  return Reflect.getMetadata(ANSWER_RATE_LIMIT, context.getHandler()) === true;
}
