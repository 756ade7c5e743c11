import { Controller, Get } from '@nestjs/common';
import { ApiExtension, ApiOkResponse, ApiOperation, ApiTags, SchemaObject } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { SkipThrottle } from '@nestjs/throttler';
import { Public } from '@app/access';
import { RedisHealthIndicator } from './redis.health';

const DEPENDENCIES_SCHEMA: SchemaObject = {
  type: 'object',
  description: 'Per dependency (postgres, redis) its state.',
  additionalProperties: {
    type: 'object',
    required: ['status'],
    properties: { status: { type: 'string', enum: ['up', 'down'] } },
  },
};

/** What @nestjs/terminus answers; a 503 carries the same under the problem's `details`. */
const READINESS_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['status', 'details'],
  properties: {
    status: { type: 'string', enum: ['ok'] },
    info: DEPENDENCIES_SCHEMA,
    error: DEPENDENCIES_SCHEMA,
    details: DEPENDENCIES_SCHEMA,
  },
};

@ApiTags('health')
// What @ApiProblems({}) of the API app declares: no error codes of their own (a lib cannot import it).
@ApiExtension('x-problem-codes', {})
@Public()
// Probes of orchestrators and balancers must never be refused for asking too often.
@SkipThrottle()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Liveness: the process runs and answers.' })
  @ApiOkResponse({
    schema: {
      type: 'object',
      required: ['status'],
      properties: { status: { type: 'string', enum: ['ok'] } },
    },
  })
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness: Postgres and Redis answer; 503 otherwise.' })
  @ApiOkResponse({ schema: READINESS_SCHEMA })
  ready() {
    return this.health.check([
      () => this.database.pingCheck('postgres', { timeout: 1500 }),
      () => this.redis.isHealthy('redis'),
    ]);
  }
}
