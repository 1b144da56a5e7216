import { useTranslation } from 'react-i18next';
import { addWords } from '../i18n/setup';
import { en } from './i18n/en';
import { vi } from './i18n/vi';
import { zh } from './i18n/zh';

addWords('company', { en, vi, zh });

/** The company area's entry: loaded lazily by App for paths under /company. */
export default function CompanyPortal() {
  const { t } = useTranslation('company');
  return (
    <section>
      <h1>{t('title')}</h1>
      <p>{t('comingSoon')}</p>
    </section>
  );
}
