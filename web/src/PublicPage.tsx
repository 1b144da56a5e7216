import { useTranslation } from 'react-i18next';
import { GateBoardView } from './GateBoardView';
import { PlateSearch } from './PlateSearch';

export function PublicPage() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('app.title')}</h1>
      <p className="lead">{t('app.subtitle')}</p>
      <p className="note">{t('app.timeZone')}</p>
      <PlateSearch />
      <section aria-labelledby="boards-heading">
        <h2 id="boards-heading">{t('board.heading')}</h2>
        <div className="boards">
          <GateBoardView gate="HUU_NGHI" />
          <GateBoardView gate="TAN_THANH" />
        </div>
      </section>
    </>
  );
}
