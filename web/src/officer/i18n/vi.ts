import type { OfficerWords } from './en';

export const vi: OfficerWords = {
  title: 'Bàn làm việc cán bộ',
  comingSoon: 'Trang này sắp ra mắt.',
};
