export * from './exports.error';
export * from './exported-file';
export * from './participant-columns';
export * from './participant-export.service';
export * from './programme-prints.service';
export * from './exports.module';
