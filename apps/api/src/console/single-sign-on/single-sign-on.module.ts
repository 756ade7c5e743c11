import { Module } from '@nestjs/common';
import { AccountsModule } from '@app/accounts';
import { ConsoleCookies } from '../console-cookies';
import { SingleSignOnCookie } from './single-sign-on-cookie';
import { SingleSignOnController } from './single-sign-on.controller';

/** Single sign-on to the console through the installation's OpenID Connect provider. */
@Module({
  imports: [AccountsModule],
  controllers: [SingleSignOnController],
  providers: [ConsoleCookies, SingleSignOnCookie],
})
export class SingleSignOnModule {}
