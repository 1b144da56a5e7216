import type { OfficerWords } from './en';

export const zh: OfficerWords = {
  title: '官员工作台',
  comingSoon: '本页面即将推出。',
};
