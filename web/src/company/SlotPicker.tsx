import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { gateSlots, type SlotHour } from '../api';
import { formatDay, formatNumber, formatTime, localDay } from '../format';
import { instant, slotDays } from '../slot-hours';
import { useLanguage } from './common';

/** A week of hours: the booking horizon. */
const HORIZON_HOURS = 7 * 24;

interface Props {
  gate: string;
  direction: string;
  /** The chosen slot's start (ISO), or '' for no booking. */
  value: string;
  /** The day to show first: the expected arrival's, when one is typed (`2026-12-08T08:00`, Vietnam time). */
  arrival: string;
  /** The hour select's id and description (its label, hint and problem are the form's). */
  id: string;
  describedBy: string | undefined;
  invalid: boolean;
  onChange: (slotStart: string) => void;
  /** Lists only the hours of this local day (moving a booking stays on the arrival's day). */
  onlyDay?: string;
  /** The slot booked now, offered even though it is counted as taken. */
  current?: string | null;
}

/** Picks a free arrival hour of the chosen gate, direction and day, as the slots API lists them. */
export function SlotPicker({
  gate,
  direction,
  value,
  arrival,
  id,
  describedBy,
  invalid,
  onChange,
  onlyDay,
  current,
}: Props) {
  const { t } = useTranslation('company');
  const language = useLanguage();
  const dayId = useId();
  const query = useQuery({
    queryKey: ['slots', gate, direction],
    queryFn: () => gateSlots(gate, HORIZON_HOURS, direction),
    refetchInterval: 60_000,
  });
  const days = slotDays(query.data?.hours ?? []).filter((d) => !onlyDay || d.day === onlyDay);
  const wanted = value ? localDay(value) : arrival ? arrival.slice(0, 10) : null;
  const [picked, setPicked] = useState<string | null>(null);
  const day = days.find((d) => d.day === (picked ?? wanted)) ?? days[0];
  const n = (v: number): string => formatNumber(v, language);
  const booked = current ? instant(current) : null;
  const label = (h: SlotHour): string => {
    const from = formatTime(h.slotStart);
    const to = formatTime(h.slotEnd);
    if (instant(h.slotStart) === booked) return t('slot.current', { from, to });
    return h.free > 0 ? t('slot.option', { from, to, free: n(h.free) }) : t('slot.full', { from, to });
  };

  if (query.isPending) return <p role="status">{t('slot.loading')}</p>;
  if (query.isError) return <p className="problem">{t('slot.unavailable')}</p>;
  if (!day) return <p className="note">{t('slot.noHours')}</p>;
  return (
    <div className="slot-picker">
      {!onlyDay && (
        <>
          <label htmlFor={dayId}>{t('slot.day')}</label>
          <select
            id={dayId}
            value={day.day}
            onChange={(event) => {
              setPicked(event.target.value);
              if (value) onChange('');
            }}
          >
            {days.map((d) => (
              <option key={d.day} value={d.day}>
                {formatDay(d.first, language)}
              </option>
            ))}
          </select>
        </>
      )}
      <select
        id={id}
        name="slotStart"
        value={value ? instant(value) : ''}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">{t('slot.none')}</option>
        {day.hours.map((h) => (
          <option
            key={h.slotStart}
            value={instant(h.slotStart)}
            disabled={h.free <= 0 && instant(h.slotStart) !== booked}
          >
            {label(h)}
          </option>
        ))}
      </select>
    </div>
  );
}
