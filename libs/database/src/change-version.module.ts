import { Module } from '@nestjs/common';
import { ChangeVersion } from './change-version';

/** One ChangeVersion (and its connection) per process, shared by every lib that imports this. */
@Module({
  providers: [ChangeVersion],
  exports: [ChangeVersion],
})
export class ChangeVersionModule {}
