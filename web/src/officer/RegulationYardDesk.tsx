import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { formatDateTime, formatTime } from '../format';
import { useActionKey } from './idempotency';
import {
  type GateCode,
  type LineEntry,
  regulationYards,
  type YardCheckInAnswer,
  yardCheckIn,
  yardLine,
} from './officer-api';
import { useOfficerWords } from './use-officer-words';

const LINE_REFRESH_MS = 10_000;
const YARD_KEY = 'border-gate.officer.regulation-yard';

function rememberedYard(): string | null {
  try {
    return sessionStorage.getItem(YARD_KEY);
  } catch {
    return null;
  }
}

function rememberYard(code: string): void {
  try {
    sessionStorage.setItem(YARD_KEY, code);
  } catch {
    // storage refused: the choice lasts for this page only
  }
}

/** The booked hour of a truck: `08:00–09:00`, or a dash. */
const slotText = (slot: LineEntry['slot']): string =>
  slot ? `${formatTime(slot.start)}–${formatTime(slot.end)}` : '—';

function CheckedIn({ answer }: { answer: YardCheckInAnswer }) {
  const { t } = useOfficerWords();
  return (
    <article className="officer-result" data-testid="yard-check-in-result">
      <h3>{t('yard.checkedIn', { plate: answer.plateDisplay || answer.plate, place: answer.placeInLine })}</h3>
      <p>
        {t('yard.reference', { reference: answer.reference })} · {t('yard.slot')}: {slotText(answer.slot)}
      </p>
    </article>
  );
}

/** The line of a yard in call order, and the trucks called with the time they must reach the gate by. */
function Line({ token, yard }: { token: string; yard: string }) {
  const { t, tDefault, language, problem } = useOfficerWords();
  const line = useQuery({
    queryKey: ['officer', 'yard-line', yard],
    queryFn: () => yardLine(token, yard),
    refetchInterval: LINE_REFRESH_MS,
  });
  if (line.isPending) return <p role="status">{t('yard.lineLoading')}</p>;
  if (line.isError) return <p className="problem">{problem(line.error)}</p>;
  const { waiting, called } = line.data;
  const classes = (entry: LineEntry): string =>
    (entry.priorityClasses ?? []).map((c) => t(`yard.class.${c}`, { defaultValue: c })).join(', ') ||
    t('yard.class.general');
  return (
    <div aria-busy={line.isFetching}>
      <h3>{t('yard.calledHeading', { count: called.length })}</h3>
      {called.length === 0 ? (
        <p>{t('yard.noneCalled')}</p>
      ) : (
        <div className="officer-table-wrap">
          <table className="steps officer-queue" data-testid="yard-called">
            <caption className="visually-hidden">{t('yard.calledHeading', { count: called.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('claim.plate')}</th>
                <th scope="col">{t('yard.calledAt')}</th>
                <th scope="col">{t('yard.deadline')}</th>
                <th scope="col">{t('yard.rule')}</th>
              </tr>
            </thead>
            <tbody>
              {called.map((entry) => (
                <tr key={entry.declarationId}>
                  <th scope="row">{entry.plateDisplay}</th>
                  <td>{entry.calledAt ? formatTime(entry.calledAt) : '—'}</td>
                  <td>
                    <strong>{entry.callDeadline ? formatTime(entry.callDeadline) : '—'}</strong>
                  </td>
                  <td>{entry.callRule ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>{t('yard.waitingHeading', { count: waiting.length })}</h3>
      {waiting.length === 0 ? (
        <p>{t('yard.noneWaiting')}</p>
      ) : (
        <div className="officer-table-wrap">
          <table className="steps officer-queue" data-testid="yard-waiting">
            <caption className="visually-hidden">{t('yard.waitingHeading', { count: waiting.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('yard.place')}</th>
                <th scope="col">{t('claim.plate')}</th>
                <th scope="col">{t('yard.classes')}</th>
                <th scope="col">{t('yard.slot')}</th>
                <th scope="col">{t('yard.arrived')}</th>
                <th scope="col">{t('yard.missed')}</th>
              </tr>
            </thead>
            <tbody>
              {waiting.map((entry, i) => (
                <tr key={entry.declarationId}>
                  <td>{entry.placeInLine ?? i + 1}</td>
                  <th scope="row">
                    {entry.plateDisplay}
                    {entry.direction && <span className="note"> · {tDefault(`direction.${entry.direction}`)}</span>}
                  </th>
                  <td>{classes(entry)}</td>
                  <td>{slotText(entry.slot)}</td>
                  <td>{entry.arrivedAt ? formatDateTime(entry.arrivedAt, language) : '—'}</td>
                  <td>{entry.missedCalls ?? 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

/**
 * A regulation yard's desk: pick the yard, check a truck in by its plate (it then waits for its call), see the line
 * in call order and the trucks called to the gate with the time they must be there by.
 */
export function RegulationYardDesk({ token, gate }: { token: string; gate: GateCode }) {
  const { t, tDefault, language, problem } = useOfficerWords();
  const queryClient = useQueryClient();
  const yardId = useId();
  const plateId = useId();
  const plateHint = useId();
  const yards = useQuery({ queryKey: ['regulation-yards', gate], queryFn: () => regulationYards(gate) });
  const [chosen, setChosen] = useState<string | null>(rememberedYard);
  const [plate, setPlate] = useState('');
  const [missing, setMissing] = useState(false);
  const action = useActionKey();
  const list = yards.data ?? [];
  const yard = list.find((y) => y.code === chosen) ?? list[0];
  const checkIn = useMutation({
    mutationFn: (to: { yard: string; plate: string }) => yardCheckIn(token, action.keyFor(to), to.yard, to.plate),
    onSuccess: () => {
      action.done();
      setPlate('');
      void queryClient.invalidateQueries({ queryKey: ['officer', 'yard-line'] });
    },
  });
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!yard) return;
    if (!plate.trim()) return setMissing(true);
    setMissing(false);
    if (!checkIn.isPending) checkIn.mutate({ yard: yard.code, plate: plate.trim() });
  };

  return (
    <section aria-labelledby="officer-regulation-yard" className="card">
      <h2 id="officer-regulation-yard">{t('yard.heading', { gate: tDefault(`gate.${gate}`) })}</h2>
      {yards.isPending && <p role="status">{t('yard.loading')}</p>}
      {yards.isError && <p className="problem">{problem(yards.error)}</p>}
      {yards.isSuccess && !yard && <p>{t('yard.noYards')}</p>}
      {yard && (
        <>
          <div className="officer-columns">
            <form className="officer-form" onSubmit={submit}>
              <label htmlFor={yardId}>{t('yard.choose')}</label>
              <select
                id={yardId}
                value={yard.code}
                onChange={(event) => {
                  setChosen(event.target.value);
                  rememberYard(event.target.value);
                  checkIn.reset();
                }}
              >
                {list.map((y) => (
                  <option key={y.code} value={y.code}>
                    {language === 'vi' ? y.name : y.nameEn}
                  </option>
                ))}
              </select>
              <p className="note">
                {t('yard.about', { capacity: yard.capacity, minutes: yard.driveMinutes })}
                {!yard.open && (
                  <>
                    {' '}
                    <strong>{t('yard.closed')}</strong>
                  </>
                )}
              </p>
              <label htmlFor={plateId}>{tDefault('search.label')}</label>
              <input
                id={plateId}
                name="plate"
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                aria-describedby={plateHint}
                aria-invalid={missing}
                value={plate}
                onChange={(event) => setPlate(event.target.value)}
              />
              <p id={plateHint} className="note">
                {missing ? <strong>{t('checkIn.typePlate')}</strong> : tDefault('search.hint')}
              </p>
              <button type="submit" className="primary" disabled={checkIn.isPending}>
                {t('yard.checkIn')}
              </button>
            </form>
            <div aria-live="polite">
              {checkIn.isPending && <p role="status">{t('checkIn.loading')}</p>}
              {checkIn.isError && <p className="problem">{problem(checkIn.error)}</p>}
              {checkIn.isSuccess && <CheckedIn answer={checkIn.data} />}
            </div>
          </div>
          <Line token={token} yard={yard.code} />
        </>
      )}
    </section>
  );
}
