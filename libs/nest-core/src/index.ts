export { CoreModule, type CoreModuleOptions } from './core.module';
export { QueuesModule, INGEST_QUEUE } from './queues.module';
export { APP_CONFIG, REDIS } from './tokens';
