import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Request } from 'express';
import { ApiKeysService, AuthenticatedKey, PUBLIC_ROUTE } from '@app/access';
import { ApiProblem } from '../problems/problems';

export type AuthenticatedRequest = Request & { actor?: AuthenticatedKey };

/** Every route needs an organiser API key unless it is marked @Public(). */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly apiKeys: ApiKeysService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = readToken(request);
    if (!token) {
      throw new ApiProblem(
        HttpStatus.UNAUTHORIZED,
        'api_key_missing',
        'An API key is required: send "Authorization: Bearer <key>" or "X-Api-Key: <key>".',
      );
    }
    const actor = await this.apiKeys.authenticate(token);
    if (!actor)
      throw new ApiProblem(HttpStatus.UNAUTHORIZED, 'api_key_invalid', 'The API key is unknown or revoked.');
    request.actor = actor;
    return true;
  }
}

function readToken(request: Request): string | undefined {
  const header = request.headers.authorization;
  if (header?.toLowerCase().startsWith('bearer ')) return header.slice(7).trim();
  const apiKey = request.headers['x-api-key'];
  return typeof apiKey === 'string' ? apiKey : undefined;
}
