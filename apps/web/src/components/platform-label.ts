import type { Platform } from '@lp/domain';

/** How each platform is named on screen. */
export const PLATFORM_LABEL: Record<Platform, string> = {
  x: 'X',
  facebook: 'Facebook',
  youtube: 'YouTube',
  feed: 'Web',
};
