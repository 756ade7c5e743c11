import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { ChangeVersionModule } from '@app/database';
import { ApiKey } from './api-key.entity';
import { ApiKeysService } from './api-keys.service';

@Module({
  imports: [TypeOrmModule.forFeature([ApiKey]), ChangeVersionModule, AuditModule],
  providers: [ApiKeysService],
  exports: [ApiKeysService],
})
export class AccessModule {}
