import type { CompanyWords } from './en';

export const zh: CompanyWords = {
  title: '企业门户',
  comingSoon: '本页面即将推出。',
};
