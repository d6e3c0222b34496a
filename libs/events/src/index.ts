export * from './realtime-events';
export { EventPublisher, EventSubscriber, type EventBatchHandler } from './event-bus';
