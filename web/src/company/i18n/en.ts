import type { Words } from '../../i18n/en';

/** The company portal's English words (namespace `company`). */
export const en = {
  title: 'Company portal',
  comingSoon: 'This page is coming soon.',
};

export type CompanyWords = Words<typeof en>;
