import { useTranslation } from 'react-i18next';
import { addWords } from '../i18n/setup';
import { en } from './i18n/en';
import { vi } from './i18n/vi';
import { zh } from './i18n/zh';

addWords('officer', { en, vi, zh });

/** The officer area's entry: loaded lazily by App for paths under /officer. */
export default function OfficerConsole() {
  const { t } = useTranslation('officer');
  return (
    <section>
      <h1>{t('title')}</h1>
      <p>{t('comingSoon')}</p>
    </section>
  );
}
