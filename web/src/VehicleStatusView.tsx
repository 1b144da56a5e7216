import { useTranslation } from 'react-i18next';
import type { CurrentStep, PublicYardWait, VehicleStatus } from './api';
import { formatDateTime, formatNumber, formatTime } from './format';
import { isLanguage } from './i18n/languages';

function StepWait({ step }: { step: CurrentStep }) {
  const { t, i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : 'vi';
  if (step.estimate === 'in_progress') return <>{t('vehicle.inProgress')}</>;
  if (step.estimate === 'insufficient_data' || step.estimatedWaitMinutes === null)
    return <>{t('vehicle.notEnoughData')}</>;
  return <>{t('vehicle.minutes', { minutes: formatNumber(step.estimatedWaitMinutes, language) })}</>;
}

/** The truck's wait at a regulation yard: its place in line, or the call to the gate with the time to reach it by. */
function YardWait({ wait }: { wait: PublicYardWait }) {
  const { t, i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : 'vi';
  if (wait.state === 'called' && wait.callDeadline) {
    return (
      <div className="call" role="status" data-testid="yard-call">
        <p className="call-deadline">
          <strong>{t('vehicle.called', { time: formatTime(wait.callDeadline) })}</strong>
        </p>
        {wait.calledAt && (
          <p className="note">{t('vehicle.calledAt', { yard: wait.yardName, time: formatTime(wait.calledAt) })}</p>
        )}
      </div>
    );
  }
  return (
    <p className="yard-wait" data-testid="yard-wait">
      {wait.placeInLine === null
        ? t('vehicle.yardWaitingNoPlace', { yard: wait.yardName })
        : t('vehicle.yardWaiting', { yard: wait.yardName, place: formatNumber(wait.placeInLine, language) })}
    </p>
  );
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
        {vehicle.regulationYard && (
          <div>
            <dt>{t('vehicle.regulationYard')}</dt>
            <dd>{vehicle.regulationYard.yardName}</dd>
          </div>
        )}
      </dl>
      {vehicle.regulationYard && <YardWait wait={vehicle.regulationYard} />}
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
