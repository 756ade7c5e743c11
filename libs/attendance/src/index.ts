export * from './attendance.entity';
export * from './attendance.error';
export * from './check-in-codes';
export * from './attendance.service';
export * from './attendance-data';
export * from './attendance.module';
export * from './attendance-list';
export * from './attendance-report';
