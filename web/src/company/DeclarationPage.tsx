import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PlateNumber } from '../../../src/common/identifiers/plate-number';
import { ApiError } from '../api-errors';
import { vehicleEventsUrl } from '../api';
import { formatDateTime, formatNumber, formatVnd } from '../format';
import { Link, Loading, Problem, useLanguage, useProblemText } from './common';
import { amendDeclaration, cancelDeclaration, type Declaration, getDeclaration } from './company-api';
import { DeclarationFields } from './DeclarationFields';
import { SlotBooking, SuspensionNotice, useSlotText, YardWaitNotice } from './Metering';
import {
  checkValues,
  type FieldPath,
  FIELDS,
  type FormValues,
  type Problems,
  serverProblems,
  toBody,
  valuesOf,
} from './declaration-form';

/** Before the truck arrives, a declaration may be corrected or cancelled. */
const BEFORE_ARRIVAL = ['submitted', 'accepted'];
/** The trip itself (gate, direction, kind and handover) and the claimed exemption are not amended. */
const FIXED: readonly FieldPath[] = [
  'gate',
  'direction',
  'tripKind',
  'handover.role',
  'handover.linkedDeclarationId',
  'feeExemptionCode',
];
const AMENDABLE_FIELDS = FIELDS.map((f) => f.path).filter((p) => !FIXED.includes(p));

export function useDeclaration(id: string) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ['company', 'declaration', id],
    queryFn: () => getDeclaration(id),
    // Screening runs in the background: ask again until it settles (the stream says later changes).
    refetchInterval: (q) => (q.state.data?.status === 'submitted' ? 2000 : false),
  });
  const plate = query.data?.vehicle.plate;
  useEffect(() => {
    if (!plate) return;
    // Each event of the truck's public stream (a status, a call from the regulation yard) says something changed:
    // read the declaration again.
    const events = new EventSource(vehicleEventsUrl(plate));
    const refresh = (): void => void queryClient.invalidateQueries({ queryKey: ['company', 'declaration', id] });
    events.addEventListener('status', refresh);
    events.addEventListener('call', refresh);
    return () => events.close();
  }, [plate, id, queryClient]);
  return query;
}

function Amend({ declaration, onDone }: { declaration: Declaration; onDone: (sent: boolean) => void }) {
  const { t } = useTranslation('company');
  const language = useLanguage();
  const problemText = useProblemText();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<FormValues>(() => valuesOf(declaration));
  const [server, setServer] = useState<Problems>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const own = checkValues(values, language, Date.now(), AMENDABLE_FIELDS);
  const problems: Problems = { ...server, ...own };

  const change = (path: FieldPath, value: string): void => {
    setValues((v) => ({ ...v, [path]: value }));
    setServer((s) => ({ ...s, [path]: undefined }));
  };
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setFailure(null);
    if (Object.keys(own).length > 0) {
      setFailure(t('declare.fixFirst'));
      return;
    }
    const { expectedArrivalAt, vehicle, driver, cargo } = toBody(values);
    setSending(true);
    try {
      const answer = await amendDeclaration(declaration.id, { expectedArrivalAt, vehicle, driver, cargo });
      await queryClient.invalidateQueries({ queryKey: ['company'] });
      // Before arrival the answer is the declaration itself; after, a request for the gate to approve.
      onDone(!('reference' in answer));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'REQUEST.VALIDATION_FAILED') {
        setServer(serverProblems(error.details).problems);
        setFailure(t('declare.fixFirst'));
      } else setFailure(problemText(error));
    } finally {
      setSending(false);
    }
  };
  return (
    <form className="declaration-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="amend-heading">
      <h2 id="amend-heading">{t('detail.amend')}</h2>
      <DeclarationFields values={values} problems={problems} onChange={change} tripFixed />
      {failure && (
        <p className="problem" role="alert">
          {failure}
        </p>
      )}
      <p className="actions">
        <button type="submit" className="primary" disabled={sending} aria-busy={sending}>
          {t('detail.amendButton')}
        </button>
        {sending && <span role="status">{t('saving')}</span>}
      </p>
    </form>
  );
}

function Cancel({ declaration }: { declaration: Declaration }) {
  const { t } = useTranslation('company');
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const yes = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) yes.current?.focus();
  }, [asking]);
  const cancel = async (): Promise<void> => {
    setSending(true);
    setError(null);
    try {
      await cancelDeclaration(declaration.id);
      await queryClient.invalidateQueries({ queryKey: ['company'] });
      setAsking(false);
    } catch (e) {
      setError(e);
    } finally {
      setSending(false);
    }
  };
  if (!asking)
    return (
      <button type="button" className="danger" onClick={() => setAsking(true)}>
        {t('detail.cancel')}
      </button>
    );
  return (
    <div className="confirm" role="group" aria-labelledby="cancel-question">
      <p id="cancel-question">{t('detail.cancelConfirm', { reference: declaration.reference })}</p>
      <p className="actions">
        <button ref={yes} type="button" className="danger" disabled={sending} onClick={() => void cancel()}>
          {t('detail.cancelYes')}
        </button>
        <button type="button" onClick={() => setAsking(false)}>
          {t('detail.cancelNo')}
        </button>
        {sending && <span role="status">{t('saving')}</span>}
      </p>
      {error !== null && <Problem error={error} />}
    </div>
  );
}

/** The trailer's plate as people write it (the declaration holds it canonical). */
function trailerDisplay(plate: string | null): string {
  return plate ? PlateNumber.displayOf(plate) : '—';
}

/** The containers as one line: `CSQU3054383 (40 ft), …`. */
function useContainers(): (d: Declaration) => string {
  const { t } = useTranslation('company');
  return (d) =>
    (d.vehicle.containers ?? [])
      .map((c) =>
        t('detail.container', {
          number: c.number,
          size: c.sizeFeet ? t('containerSize', { feet: c.sizeFeet }) : t('containerSizeUnknown'),
        }),
      )
      .join(', ');
}

/** The handover between the two vehicles: which one this is, the other leg, and what to tell the other company. */
function Handover({ id, handover }: { id: string; handover: NonNullable<Declaration['handover']> }) {
  const { t } = useTranslation('company');
  const other = handover.linkedDeclarationId;
  return (
    <section className="handover" aria-labelledby="handover-heading" data-testid="handover">
      <h2 id="handover-heading">{t('detail.handover')}</h2>
      {handover.role === 'delivering' ? (
        <>
          <p>
            {t('detail.delivering')} <code className="handover-id">{id}</code>
          </p>
          <p>{other ? t('detail.takenOverBy', { id: other }) : t('detail.notTakenOver')}</p>
        </>
      ) : (
        <p>{t('detail.receiving', { id: other ?? '—' })}</p>
      )}
    </section>
  );
}

/** One declaration: its fields, steps and timeline, following it live; corrections and cancelling before arrival. */
export function DeclarationPage({ id }: { id: string }) {
  const { t } = useTranslation('company');
  const { t: tMain } = useTranslation();
  const language = useLanguage();
  const query = useDeclaration(id);
  const [amending, setAmending] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const containers = useContainers();
  const slotText = useSlotText();
  const when = (iso: string | null): string => (iso ? formatDateTime(iso, language) : '—');

  if (query.isPending) return <Loading />;
  if (query.isError) {
    const missing = query.error instanceof ApiError && query.error.status === 404;
    return (
      <section className="card">
        {missing ? <p className="problem">{t('detail.notFound')}</p> : <Problem error={query.error} />}
        <Link to="/company">{t('detail.back')}</Link>
      </section>
    );
  }
  const d = query.data;
  const open = BEFORE_ARRIVAL.includes(d.status);
  const facts: [string, string][] = [
    [t('detail.status'), tMain(`status.${d.status}`)],
    [t('field.gate'), tMain(`gate.${d.gate}`)],
    [t('field.direction'), tMain(`direction.${d.direction}`)],
    [t('detail.tripKind'), t(`tripKind.${d.tripKind ?? 'through'}`)],
    [t('field.expectedArrivalAt'), when(d.expectedArrivalAt)],
    [t('detail.slot'), slotText(d.slot)],
    [t('field.vehicle_plate'), d.vehicle.plateDisplay],
    [t('field.vehicle_trailerPlate'), trailerDisplay(d.vehicle.trailerPlate)],
    [t('detail.containers'), containers(d) || '—'],
    [t('detail.tonnage'), d.vehicle.tonnageKg ? `${formatNumber(d.vehicle.tonnageKg, language)} kg` : '—'],
    [t('detail.twoWay'), d.vehicle.twoWayTransport ? t('detail.yes') : t('detail.no')],
    [t('field.driver_fullName'), d.driver.fullName],
    [t('field.driver_documentNumber'), d.driver.documentNumber],
    [t('field.driver_phone'), d.driver.phone ?? '—'],
    [t('field.cargo_description'), d.cargo.description],
    [t('field.cargo_hsCode'), d.cargo.hsCode ?? '—'],
    [t('field.cargo_grossWeightKg'), formatNumber(d.cargo.grossWeightKg, language)],
    [t('detail.regime'), t(`regime.${d.cargo.regime ?? 'standard'}`)],
    [t('detail.exemption'), d.feeExemptionCode ?? '—'],
  ];
  const quote = d.feeQuote;
  if (quote && typeof quote.amount === 'number') {
    const { vehicleClass, goodsCategory } = quote.basis ?? {};
    const basis =
      typeof vehicleClass === 'string' && typeof goodsCategory === 'string'
        ? ` (${t('detail.feeBasis', {
            vehicleClass,
            category: t(`feeCategory.${goodsCategory}`, { defaultValue: goodsCategory }),
          })})`
        : '';
    facts.push([t('detail.fee'), `${formatVnd(quote.amount, language)}${basis}`]);
  }

  return (
    <section className="card" aria-labelledby="detail-heading" data-testid="declaration">
      <p>
        <Link to="/company">{t('detail.back')}</Link>
      </p>
      <h1 id="detail-heading">{t('detail.heading', { reference: d.reference })}</h1>
      <p className="note">{t('detail.live')}</p>
      {notice && (
        <p role="status" className="success">
          {notice}
        </p>
      )}
      {open && <SuspensionNotice plate={d.vehicle.plate} />}
      {d.regulationYard && <YardWaitNotice wait={d.regulationYard} />}
      {d.handover && <Handover id={d.id} handover={d.handover} />}
      <dl className="facts" aria-busy={query.isFetching}>
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd className={term === t('detail.status') ? `status status-${d.status}` : undefined}>{value}</dd>
          </div>
        ))}
      </dl>
      {d.reasons.length > 0 && (
        <>
          <h2>{t('detail.reasons')}</h2>
          <ul>
            {d.reasons.map((r) => (
              <li key={r.code}>{r.message}</li>
            ))}
          </ul>
        </>
      )}
      <p className="actions">
        <Link to={`/company/declarations/${d.id}/slip`} className="button-link">
          {t('detail.slip')}
        </Link>
        {open && !amending && (
          <button type="button" onClick={() => setAmending(true)}>
            {t('detail.amend')}
          </button>
        )}
        {open && <Cancel declaration={d} />}
      </p>
      {open && !amending && <SlotBooking key={d.slot?.start ?? 'none'} declaration={d} />}
      {open && amending && (
        <Amend
          declaration={d}
          onDone={(sent) => {
            setAmending(false);
            setNotice(sent ? t('detail.amendSent') : t('detail.amended'));
          }}
        />
      )}
      <h2>{t('detail.steps')}</h2>
      {d.steps && d.steps.length > 0 ? (
        <div className="table-wrap">
          <table className="steps">
            <thead>
              <tr>
                <th scope="col">{t('detail.step')}</th>
                <th scope="col">{t('detail.state')}</th>
                <th scope="col">{t('detail.decided')}</th>
              </tr>
            </thead>
            <tbody>
              {d.steps.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{tMain(`agency.${s.agency}`)}</th>
                  <td>{tMain(`stepState.${s.status}`)}</td>
                  <td>{when(s.decidedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t('detail.noSteps')}</p>
      )}
      <h2>{t('detail.timeline')}</h2>
      <ol className="moves">
        {(d.timeline ?? []).map((move) => (
          <li key={`${move.status}-${move.at}`}>
            <time dateTime={move.at}>{when(move.at)}</time> {tMain(`status.${move.status}`)}
          </li>
        ))}
      </ol>
    </section>
  );
}
