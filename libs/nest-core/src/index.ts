export { CoreModule, type CoreModuleOptions } from './core.module';
export { QueuesModule, INGEST_QUEUE, REPLY_QUEUE, ESCALATION_QUEUE, NOTIFY_QUEUE } from './queues.module';
export { APP_CONFIG, REDIS } from './tokens';
export {
  signIncidentLink,
  checkIncidentLink,
  incidentLinkUrl,
  type IncidentLinkAction,
  type LinkCheck,
} from './incident-link';
export { repositoryProvider } from './repository.provider';
