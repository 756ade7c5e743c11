import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ConsoleSession } from '@app/accounts';
import { ConsoleRequest } from './console-request';

export const CurrentSession = createParamDecorator(
  (_: unknown, context: ExecutionContext): ConsoleSession => {
    const session = context.switchToHttp().getRequest<ConsoleRequest>().consoleSession;
    if (!session) throw new Error('CurrentSession used without ConsoleSessionGuard');
    return session;
  },
);
