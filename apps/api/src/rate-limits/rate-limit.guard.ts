import { ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import { Response } from 'express';
import { ApiProblem } from '../problems/problems';

/**
 * @nestjs/throttler's guard, answering 429 with a plain Retry-After (it would name the header after
 * the limit, e.g. Retry-After-answers) and a problem body like every other error.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const response = context.switchToHttp().getResponse<Response>();
    response.setHeader('Retry-After', String(Math.max(1, detail.timeToBlockExpire)));
    throw new ApiProblem(
      HttpStatus.TOO_MANY_REQUESTS,
      'too_many_requests',
      'Too many requests from your address; try again after the seconds in Retry-After.',
    );
  }
}
