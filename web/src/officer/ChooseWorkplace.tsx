import { type FormEvent, useId, useState } from 'react';
import { type Me, STEP_AGENCIES, type StepAgency } from './officer-api';
import type { Workplace } from './session';
import { useOfficerWords } from './use-officer-words';

/** The agencies an officer may act as at a gate: their own; a supervisor may act as any of the gate's. */
export function agenciesFor(me: Me): readonly StepAgency[] {
  return me.agency === 'supervisor' ? STEP_AGENCIES : [me.agency];
}

/** Which gate (among the officer's postings) and which agency's queue this tab works. */
export function ChooseWorkplace({
  me,
  current,
  onChosen,
}: {
  me: Me;
  current: Workplace | null;
  onChosen: (workplace: Workplace) => void;
}) {
  const { t, tDefault } = useOfficerWords();
  const gateId = useId();
  const agencyId = useId();
  const agencies = agenciesFor(me);
  const [gate, setGate] = useState(current?.gate ?? me.gates[0]);
  const [agency, setAgency] = useState<StepAgency>(current?.agency ?? agencies[0]);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (gate) onChosen({ gate, agency });
  };
  if (me.gates.length === 0 || !gate) {
    return <p className="problem">{t('workplace.noGate')}</p>;
  }
  return (
    <section aria-labelledby="officer-workplace" className="card officer-narrow">
      <h2 id="officer-workplace">{t('workplace.heading')}</h2>
      <form className="officer-form" onSubmit={submit}>
        <label htmlFor={gateId}>{t('workplace.gate')}</label>
        <select id={gateId} value={gate} onChange={(event) => setGate(event.target.value as typeof gate)}>
          {me.gates.map((code) => (
            <option key={code} value={code}>
              {tDefault(`gate.${code}`)}
            </option>
          ))}
        </select>
        <label htmlFor={agencyId}>{t('workplace.agency')}</label>
        <select id={agencyId} value={agency} onChange={(event) => setAgency(event.target.value as StepAgency)}>
          {agencies.map((code) => (
            <option key={code} value={code}>
              {tDefault(`agency.${code}`)}
            </option>
          ))}
        </select>
        {me.agency === 'supervisor' && <p className="note">{t('workplace.supervisorNote')}</p>}
        <button type="submit" className="primary">
          {t('workplace.button')}
        </button>
      </form>
    </section>
  );
}
