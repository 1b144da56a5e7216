import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getJson } from '../api';
import { ApiError } from '../api-errors';
import { formatDateTime, formatDay, formatTime, localDay } from '../format';
import { useLanguage, useProblemText } from './common';
import {
  type BookingSuspension,
  bookingSuspensions,
  bookSlot,
  type Declaration,
  releaseSlot,
  type YardWait,
} from './company-api';
import { SlotPicker } from './SlotPicker';

/** A booked hour in words: `08/12/2026 08:00–09:00`. */
export function useSlotText(): (slot: { start: string; end: string } | null | undefined) => string {
  const { t } = useTranslation('company');
  const language = useLanguage();
  return (slot) =>
    slot
      ? t('detail.slotValue', {
          day: formatDay(slot.start, language),
          from: formatTime(slot.start),
          to: formatTime(slot.end),
        })
      : t('detail.noSlot');
}

/** The company's booking suspensions in force; `plate` limits them to the ones that bar this vehicle. */
export function SuspensionNotice({ plate }: { plate?: string }) {
  const { t } = useTranslation('company');
  const language = useLanguage();
  const query = useQuery({ queryKey: ['company', 'suspensions'], queryFn: bookingSuspensions, staleTime: 30_000 });
  const shown = (query.data ?? []).filter(
    (s: BookingSuspension) => !plate || s.scope === 'company' || s.plate === plate,
  );
  if (shown.length === 0) return null;
  return (
    <div className="notice notice-suspended" role="status" data-testid="booking-suspensions">
      <h2>{t('suspension.heading')}</h2>
      <ul>
        {shown.map((s) => (
          <li key={s.id}>
            {s.scope === 'company'
              ? t('suspension.company', { until: formatDateTime(s.until, language) })
              : t('suspension.vehicle', {
                  plate: s.plateDisplay ?? s.plate ?? '',
                  until: formatDateTime(s.until, language),
                })}{' '}
            {t('suspension.reason', { reason: s.reason })}
          </li>
        ))}
      </ul>
      <p className="note">{t('suspension.note')}</p>
    </div>
  );
}

interface PublicYard {
  code: string;
  name: string;
  nameEn: string;
}

/** The truck's wait at a regulation yard: its place in line, or its call, the time to reach the gate by and the rule. */
export function YardWaitNotice({ wait }: { wait: YardWait }) {
  const { t } = useTranslation('company');
  const language = useLanguage();
  // The yards' names (Vietnamese, and English for readers of English and Chinese) are public: one small list, kept for the visit.
  const yards = useQuery({
    queryKey: ['regulation-yards'],
    queryFn: () => getJson<PublicYard[]>('/api/v1/regulation-yards'),
    staleTime: Infinity,
  });
  const found = yards.data?.find((y) => y.code === wait.yard);
  const yard = found ? (language === 'vi' ? found.name : found.nameEn) : wait.yard;
  if (wait.state === 'called' && wait.callDeadline) {
    return (
      <div className="call" role="status" data-testid="yard-wait">
        <h2>{t('yard.calledHeading')}</h2>
        <p>
          <strong>{t('yard.called', { yard, deadline: formatTime(wait.callDeadline) })}</strong>
        </p>
        {wait.calledAt && <p>{t('yard.calledAt', { time: formatDateTime(wait.calledAt, language) })}</p>}
        {wait.callRule && <p>{t('yard.rule', { rule: wait.callRule })}</p>}
      </div>
    );
  }
  if (wait.state !== 'waiting') return null;
  return (
    <div className="notice" role="status" data-testid="yard-wait">
      <h2>{t('yard.waitingHeading')}</h2>
      <p>
        {wait.placeInLine === null
          ? t('yard.waitingNoPlace', { yard })
          : t('yard.waiting', { yard, place: wait.placeInLine })}
      </p>
      {wait.arrivedAt && <p>{t('yard.arrivedAt', { time: formatDateTime(wait.arrivedAt, language) })}</p>}
      {wait.missedCalls > 0 && <p>{t('yard.missed', { count: wait.missedCalls })}</p>}
    </div>
  );
}

/** Why a booking was refused, with the nearest free hours or the end of a suspension when the answer names them. */
function useBookingProblem(): (error: unknown) => string {
  const { t } = useTranslation('company');
  const language = useLanguage();
  const problemText = useProblemText();
  return (error) => {
    const text = problemText(error);
    if (!(error instanceof ApiError)) return text;
    const details = (error.details ?? {}) as { nearestFree?: unknown; until?: unknown };
    if (error.code === 'SLOT.FULL' && Array.isArray(details.nearestFree) && details.nearestFree.length > 0) {
      const hours = (details.nearestFree as string[]).map((h) => formatTime(h)).join(', ');
      return `${text} ${t('slot.nearestFree', { hours })}`;
    }
    if (error.code === 'BOOKING.SUSPENDED' && typeof details.until === 'string') {
      return `${text} ${t('slot.suspendedUntil', { until: formatDateTime(details.until, language) })}`;
    }
    return text;
  };
}

/** Book, move or release the arrival hour of a declaration before the truck arrives, on its arrival day. */
export function SlotBooking({ declaration }: { declaration: Declaration }) {
  const { t } = useTranslation('company');
  const queryClient = useQueryClient();
  const problem = useBookingProblem();
  const id = useId();
  const hint = useId();
  const booked = declaration.slot?.start ?? null;
  const [chosen, setChosen] = useState<string>(booked ?? '');
  const [done, setDone] = useState<string | null>(null);
  const refresh = (): Promise<void> => queryClient.invalidateQueries({ queryKey: ['company'] });
  const change = useMutation({
    mutationFn: (to: string | null) => (to ? bookSlot(declaration.id, to) : releaseSlot(declaration.id)),
    onSuccess: async (_answer, to) => {
      setDone(to ? (booked ? t('slot.moved') : t('slot.booked')) : t('slot.released'));
      if (!to) setChosen('');
      await refresh();
    },
  });
  const same = chosen !== '' && booked !== null && Date.parse(chosen) === Date.parse(booked);
  return (
    <section className="slot-booking" aria-labelledby={`${id}-h`} data-testid="slot-booking">
      <h2 id={`${id}-h`}>{t('slot.heading')}</h2>
      <div className="field">
        <label htmlFor={`${id}-slot`}>{t('slot.hour')}</label>
        <SlotPicker
          gate={declaration.gate}
          direction={declaration.direction}
          value={chosen}
          arrival=""
          id={`${id}-slot`}
          describedBy={hint}
          invalid={change.isError}
          onlyDay={localDay(declaration.expectedArrivalAt)}
          current={booked}
          onChange={(to) => {
            setChosen(to);
            setDone(null);
          }}
        />
        <span className="hint" id={hint}>
          {t('slot.hint')}
        </span>
      </div>
      <p className="actions">
        <button
          type="button"
          className="primary"
          disabled={change.isPending || chosen === '' || same}
          onClick={() => change.mutate(chosen)}
        >
          {booked ? t('slot.move') : t('slot.book')}
        </button>
        {booked && (
          <button type="button" disabled={change.isPending} onClick={() => change.mutate(null)}>
            {t('slot.release')}
          </button>
        )}
        {change.isPending && <span role="status">{t('saving')}</span>}
      </p>
      <div aria-live="polite">
        {change.isError && (
          <p className="problem" role="alert">
            {problem(change.error)}
          </p>
        )}
        {done && !change.isError && (
          <p className="success" role="status">
            {done}
          </p>
        )}
      </div>
    </section>
  );
}
