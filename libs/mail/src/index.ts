export * from './render/email-content';
export * from './render/render-email';
export * from './smtp-failure';
export * from './mail.service';
export * from './mail.module';
