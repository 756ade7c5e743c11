export * from './api-key.entity';
export * from './api-key-token';
export * from './access.error';
export * from './api-keys.service';
export * from './access.module';
export * from './public.decorator';
