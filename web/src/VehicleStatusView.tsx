import { useTranslation } from 'react-i18next';
import type { CurrentStep, VehicleStatus } from './api';
import { formatDateTime, formatNumber } from './format';
import { isLanguage } from './i18n/languages';

function StepWait({ step }: { step: CurrentStep }) {
  const { t, i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : 'vi';
  if (step.estimate === 'in_progress') return <>{t('vehicle.inProgress')}</>;
  if (step.estimate === 'insufficient_data' || step.estimatedWaitMinutes === null)
    return <>{t('vehicle.notEnoughData')}</>;
  return <>{t('vehicle.minutes', { minutes: formatNumber(step.estimatedWaitMinutes, language) })}</>;
}

/** What the public may know of a truck: status, gate, direction, times, the steps still open. */
export function VehicleStatusView({ vehicle, refreshing }: { vehicle: VehicleStatus; refreshing: boolean }) {
  const { t, i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : 'vi';
  const when = (iso: string): string => formatDateTime(iso, language);
  return (
    <article aria-busy={refreshing}>
      <h3>{t('vehicle.heading', { plate: vehicle.plateDisplay })}</h3>
      <dl className="facts">
        <div>
          <dt>{t('vehicle.status')}</dt>
          <dd className={`status status-${vehicle.status}`}>{t(`status.${vehicle.status}`)}</dd>
        </div>
        <div>
          <dt>{t('vehicle.gate')}</dt>
          <dd>{t(`gate.${vehicle.gate}`)}</dd>
        </div>
        <div>
          <dt>{t('vehicle.direction')}</dt>
          <dd>{t(`direction.${vehicle.direction}`)}</dd>
        </div>
        <div>
          <dt>{t('vehicle.expectedArrival')}</dt>
          <dd>{when(vehicle.expectedArrivalAt)}</dd>
        </div>
        <div>
          <dt>{t('vehicle.updated')}</dt>
          <dd>{when(vehicle.updatedAt)}</dd>
        </div>
        {vehicle.expectedAhead !== null && (
          <div>
            <dt>{t('vehicle.expectedAhead')}</dt>
            <dd>{formatNumber(vehicle.expectedAhead, language)}</dd>
          </div>
        )}
      </dl>
      {vehicle.currentSteps.length > 0 && (
        <table className="steps">
          <caption>{t('vehicle.steps')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('vehicle.step')}</th>
              <th scope="col">{t('vehicle.state')}</th>
              <th scope="col">{t('vehicle.queuePosition')}</th>
              <th scope="col">{t('vehicle.estimatedWait')}</th>
            </tr>
          </thead>
          <tbody>
            {vehicle.currentSteps.map((step) => (
              <tr key={step.agency}>
                <th scope="row">{t(`agency.${step.agency}`)}</th>
                <td>{t(`stepState.${step.status}`)}</td>
                <td>{step.queuePosition === null ? '—' : formatNumber(step.queuePosition, language)}</td>
                <td>
                  <StepWait step={step} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h4>{t('vehicle.moves')}</h4>
      <ol className="moves">
        {vehicle.timeline.map((move) => (
          <li key={`${move.status}-${move.at}`}>
            <time dateTime={move.at}>{when(move.at)}</time> {t(`status.${move.status}`)}
          </li>
        ))}
      </ol>
      <p className="note">
        {t('vehicle.live')} {t('app.timeZone')}
      </p>
    </article>
  );
}
