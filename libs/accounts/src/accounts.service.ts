import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Locale } from '@app/planning';
import { Account } from './account.entity';

/** A person's own account settings. */
@Injectable()
export class AccountsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async setLanguage(accountId: string, language: Locale): Promise<void> {
    await this.dataSource.getRepository(Account).update({ id: accountId }, { language });
  }
}
