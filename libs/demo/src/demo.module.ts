import { Module } from '@nestjs/common';
import { AccessModule } from '@app/access';
import { PlanningModule } from '@app/planning';
import { DemoProgrammeService } from './demo-programme.service';

@Module({
  imports: [PlanningModule, AccessModule],
  providers: [DemoProgrammeService],
  exports: [DemoProgrammeService],
})
export class DemoModule {}
