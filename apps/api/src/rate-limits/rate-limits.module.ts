import { Module } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { ThrottlerModule } from '@nestjs/throttler';
import { rateLimitsConfig, redisConfig } from '@app/config';
import { isAnswerRateLimited } from './answer-rate-limit.decorator';
import { isSignInRateLimited } from './sign-in-rate-limit.decorator';
import { isSignUpRateLimited } from './sign-up-rate-limit.decorator';
import { RateLimitStorage } from './rate-limit-storage';

/**
 * Limits per client address (req.ip, so behind the proxies TRUST_PROXY trusts): one over all
 * routes of the API ("default", which @SkipThrottle() leaves out, as feeds and health checks do),
 * a lower one for answers, one for the console's sign-in forms, one for open sign-up (besides the per-address
 * limit of sign-in emails in libs/accounts). Counted per address across routes, not per route: the limit is
 * about how much one client may ask of the service. Feeds keep their own limit on unknown tokens.
 * No X-RateLimit headers: with two limits they come suffixed per limit, which no client reads.
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [rateLimitsConfig.KEY, redisConfig.KEY],
      useFactory: (limits: ConfigType<typeof rateLimitsConfig>, redis: ConfigType<typeof redisConfig>) => ({
        storage: new RateLimitStorage(redis),
        setHeaders: false,
        generateKey: (_context, tracker, name) => `${name}:${tracker}`,
        throttlers: [
          { name: 'default', limit: limits.api.limit, ttl: limits.api.windowSeconds * 1000 },
          {
            name: 'answers',
            limit: limits.answers.limit,
            ttl: limits.answers.windowSeconds * 1000,
            skipIf: (context) => !isAnswerRateLimited(context),
          },
          {
            name: 'sign-in',
            limit: limits.signIn.limit,
            ttl: limits.signIn.windowSeconds * 1000,
            skipIf: (context) => !isSignInRateLimited(context),
          },
          {
            name: 'sign-up',
            limit: limits.signUp.limit,
            ttl: limits.signUp.windowSeconds * 1000,
            skipIf: (context) => !isSignUpRateLimited(context),
          },
        ],
      }),
    }),
  ],
})
export class RateLimitsModule {}
