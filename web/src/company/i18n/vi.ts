import type { CompanyWords } from './en';

export const vi: CompanyWords = {
  title: 'Cổng doanh nghiệp',
  comingSoon: 'Trang này sắp ra mắt.',
};
