import type { Words } from '../../i18n/en';

/** The officer console's English words (namespace `officer`). */
export const en = {
  title: 'Officer console',
  comingSoon: 'This page is coming soon.',
};

export type OfficerWords = Words<typeof en>;
