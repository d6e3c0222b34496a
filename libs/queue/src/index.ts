export * from './queue-catalogue';
export * from './queue-factory';
