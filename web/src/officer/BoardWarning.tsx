import { useEffect, useState } from 'react';
import { boardEventsUrl } from '../api';
import { formatTime } from '../format';
import type { GateCode } from './officer-api';
import { useOfficerWords } from './use-officer-words';

interface Warning {
  gate: string;
  level: string;
  previous: string | null;
  at: string;
  forecast?: { level?: string; peakHour?: string | null; peakInYard?: number } | null;
}

/**
 * The gate's warning level as the board's event stream says it (the last change is replayed on connecting), shown
 * to supervisors as a banner on every view while the level is above green.
 */
export function BoardWarning({ gate }: { gate: GateCode }) {
  const { t, tDefault } = useOfficerWords();
  const [warning, setWarning] = useState<Warning | null>(null);
  useEffect(() => {
    const events = new EventSource(boardEventsUrl(gate));
    events.addEventListener('warning', (event) => {
      try {
        const data = JSON.parse((event as MessageEvent<string>).data) as Warning;
        if (data.gate === gate) setWarning(data);
      } catch {
        // a malformed event changes nothing
      }
    });
    return () => events.close();
  }, [gate]);
  if (!warning || warning.level === 'green') return null;
  const peak = warning.forecast?.peakHour;
  return (
    <div className={`warning warning-${warning.level} officer-warning`} role="alert" data-testid="board-warning">
      <strong>
        {t('warning.level', {
          gate: tDefault(`gate.${gate}`),
          level: tDefault(`board.warningLevel.${warning.level}`, { defaultValue: warning.level }),
        })}
      </strong>{' '}
      {t('warning.since', { time: formatTime(warning.at) })}
      {peak && typeof warning.forecast?.peakInYard === 'number' && (
        <> {t('warning.peak', { hour: formatTime(peak), vehicles: warning.forecast.peakInYard })}</>
      )}
    </div>
  );
}
