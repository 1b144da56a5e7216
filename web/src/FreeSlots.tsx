import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { gateSlots } from './api';
import { errorText } from './api-errors';
import { formatDay, formatNumber } from './format';
import { isLanguage } from './i18n/languages';
import { slotTable } from './slot-hours';

/** Three days of hours, from the current one. */
const HOURS = 72;
const DIRECTIONS = ['export', 'import'] as const;

/** The free arrival hours of a gate for the next days, one direction at a time, read when the reader opens it. */
export function FreeSlots({ gate }: { gate: string }) {
  const { t, i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : 'vi';
  const directionId = useId();
  const [opened, setOpened] = useState(false);
  const [direction, setDirection] = useState<(typeof DIRECTIONS)[number]>('export');
  const query = useQuery({
    queryKey: ['slots', gate, direction],
    queryFn: () => gateSlots(gate, HOURS, direction),
    enabled: opened,
    refetchInterval: 60_000,
  });
  const table = query.data ? slotTable(query.data.hours) : null;
  const n = (value: number): string => formatNumber(value, language);
  return (
    <details className="free-slots" onToggle={(event) => setOpened(event.currentTarget.open)}>
      <summary>{t('board.freeSlots')}</summary>
      <p className="note">
        {t('board.freeSlotsNote')} {t('app.timeZone')}
      </p>
      <label htmlFor={directionId}>{t('vehicle.direction')}</label>{' '}
      <select
        id={directionId}
        value={direction}
        onChange={(event) => setDirection(event.target.value as (typeof DIRECTIONS)[number])}
      >
        {DIRECTIONS.map((d) => (
          <option key={d} value={d}>
            {t(`direction.${d}`)}
          </option>
        ))}
      </select>
      {opened && query.isPending && <p role="status">{t('board.freeSlotsLoading')}</p>}
      {query.isError && <p className="problem">{errorText(query.error, (key, options) => t(key, options ?? {}))}</p>}
      {table && table.rows.length === 0 && <p>{t('board.freeSlotsNone')}</p>}
      {table && table.rows.length > 0 && (
        // Scrolls sideways on a narrow phone: focusable, so a keyboard can scroll it too.
        <div
          className="table-wrap"
          tabIndex={0}
          role="region"
          aria-label={`${t('board.freeSlots')} — ${t(`direction.${direction}`)}`}
        >
          <table className="slots">
            <caption className="visually-hidden">
              {t('board.freeSlots')} — {t(`direction.${direction}`)}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('board.freeSlotsHour')}</th>
                {table.days.map((d) => (
                  <th scope="col" key={d.day}>
                    {formatDay(d.first, language)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row) => (
                <tr key={row.hour}>
                  <th scope="row">{row.hour}</th>
                  {row.cells.map((cell, i) => (
                    <td key={table.days[i]?.day} className={cell && cell.free === 0 ? 'slot-full' : undefined}>
                      {cell === null ? '—' : `${n(cell.free)} / ${n(cell.capacity)}`}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
