export * from './platform';
export * from './mention';
