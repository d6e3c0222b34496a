export * from './platform';
export * from './mention';
export * from './source';
