import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { AuthenticatedKey } from '@app/access';
import { AuthenticatedRequest } from './api-key.guard';

export const CurrentActor = createParamDecorator(
  (_: unknown, context: ExecutionContext): AuthenticatedKey => {
    const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
    if (!actor) throw new Error('CurrentActor used on a public route');
    return actor;
  },
);
