import { Module } from '@nestjs/common';
import { CopyFieldController } from './copy-field.controller';

/** Copy buttons for feed addresses, keys, secrets and snippets: the script the pages load. */
@Module({ controllers: [CopyFieldController] })
export class CopyFieldModule {}
