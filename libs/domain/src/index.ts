export * from './platform';
export * from './mention';
export * from './source';
export * from './user';
