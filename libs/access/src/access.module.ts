import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChangeVersionModule } from '@app/database';
import { ApiKey } from './api-key.entity';
import { ApiKeysService } from './api-keys.service';

@Module({
  imports: [TypeOrmModule.forFeature([ApiKey]), ChangeVersionModule],
  providers: [ApiKeysService],
  exports: [ApiKeysService],
})
export class AccessModule {}
