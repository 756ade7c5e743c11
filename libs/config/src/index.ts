export * from './environment';
export * from './namespaces';
export * from './app-config.module';
export * from './derived-keys';
