/** Injection tokens shared by the api and the worker. */
export const APP_CONFIG = Symbol('APP_CONFIG');
/** A general-purpose Redis connection (commands, publishing). */
export const REDIS = Symbol('REDIS');
