import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format';
import { Link, Loading, Problem, useLanguage } from './common';
import { qrUrl } from './company-api';
import { useDeclaration } from './DeclarationPage';

/** The trip slip the driver carries: QR code for check-in, reference, plate, gate, direction, arrival. */
export function SlipPage({ id }: { id: string }) {
  const { t } = useTranslation('company');
  const { t: tMain } = useTranslation();
  const language = useLanguage();
  const query = useDeclaration(id);
  if (query.isPending) return <Loading />;
  if (query.isError) return <Problem error={query.error} />;
  const d = query.data;
  return (
    <section className="card slip" aria-labelledby="slip-heading" data-testid="slip">
      <p className="no-print">
        <Link to={`/company/declarations/${d.id}`}>{t('slip.back')}</Link>
      </p>
      <h1 id="slip-heading">{t('slip.heading')}</h1>
      <div className="slip-body">
        {d.qrToken ? (
          <img className="slip-qr" src={qrUrl(d.id)} alt={t('slip.qr')} width={220} height={220} />
        ) : (
          <p className="note">{t('slip.noQr')}</p>
        )}
        <dl className="facts">
          <div>
            <dt>{t('detail.reference')}</dt>
            <dd className="slip-reference">{d.reference}</dd>
          </div>
          <div>
            <dt>{t('field.vehicle_plate')}</dt>
            <dd>{d.vehicle.plateDisplay}</dd>
          </div>
          <div>
            <dt>{t('field.gate')}</dt>
            <dd>{tMain(`gate.${d.gate}`)}</dd>
          </div>
          <div>
            <dt>{t('field.direction')}</dt>
            <dd>{tMain(`direction.${d.direction}`)}</dd>
          </div>
          <div>
            <dt>{t('field.expectedArrivalAt')}</dt>
            <dd>{formatDateTime(d.expectedArrivalAt, language)}</dd>
          </div>
          <div>
            <dt>{t('detail.status')}</dt>
            <dd>{tMain(`status.${d.status}`)}</dd>
          </div>
        </dl>
      </div>
      <p className="no-print">
        <button type="button" className="primary" onClick={() => window.print()}>
          {t('slip.print')}
        </button>
      </p>
    </section>
  );
}
