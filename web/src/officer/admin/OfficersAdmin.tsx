import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { ApiError } from '../../api-errors';
import { formatDateTime } from '../../format';
import { useActionKey } from '../idempotency';
import { me as readMe, type Me } from '../officer-api';
import { useAdminWords } from './admin-words';
import {
  AGENCIES,
  type Agency,
  createOfficer,
  type GateCode,
  type OfficerAccount,
  officersAt,
  resetPassword,
  setEnabled,
  setPostings,
} from './officers-admin-api';

type Editing = { id: string; kind: 'postings' | 'password' } | null;
type Done = (key: 'created' | 'disabled' | 'enabled' | 'postings' | 'password', username: string) => void;

/**
 * After a change: shows the officer as the answer has them at once, then reloads the lists (also after learning
 * that an officer is gone).
 */
function useRefresh(): (changed?: OfficerAccount) => Promise<void> {
  const queryClient = useQueryClient();
  return (changed) => {
    if (changed)
      queryClient.setQueriesData<OfficerAccount[]>({ queryKey: ['officerAdmin'] }, (list) =>
        list?.map((officer) => (officer.id === changed.id ? changed : officer)),
      );
    return queryClient.invalidateQueries({ queryKey: ['officerAdmin'] });
  };
}

function AgencySelect({ value, onChange }: { value: Agency; onChange: (agency: Agency) => void }) {
  const { t, tDefault } = useAdminWords();
  const id = useId();
  return (
    <>
      <label htmlFor={id}>{t('fields.agency')}</label>
      <select id={id} name="agency" value={value} onChange={(event) => onChange(event.target.value as Agency)}>
        {AGENCIES.map((agency) => (
          <option key={agency} value={agency}>
            {tDefault(`agency.${agency}`)}
          </option>
        ))}
      </select>
    </>
  );
}

/** Checkboxes for the supervisor's own gates: the only ones they may post an officer at. */
function GateChoice(props: { gates: readonly GateCode[]; value: GateCode[]; onChange: (gates: GateCode[]) => void }) {
  const { t, tDefault } = useAdminWords();
  const hintId = useId();
  const toggle = (gate: GateCode, on: boolean): void =>
    props.onChange(props.gates.filter((g) => (g === gate ? on : props.value.includes(g))));
  return (
    <fieldset className="officer-admin-gates" aria-describedby={hintId}>
      <legend>{t('fields.gates')}</legend>
      {props.gates.map((gate) => (
        <label key={gate}>
          <input
            type="checkbox"
            name="gates"
            value={gate}
            checked={props.value.includes(gate)}
            onChange={(event) => toggle(gate, event.target.checked)}
          />
          {tDefault(`gate.${gate}`)}
        </label>
      ))}
      <p id={hintId} className="note">
        {t('fields.gatesHint')}
      </p>
    </fieldset>
  );
}

function CreateOfficer({ token, me, gate, onDone }: { token: string; me: Me; gate: GateCode; onDone: Done }) {
  const { t, problem } = useAdminWords();
  const refresh = useRefresh();
  const action = useActionKey();
  const userId = useId();
  const userHint = useId();
  const passwordId = useId();
  const passwordHint = useId();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [agency, setAgency] = useState<Agency>('customs');
  const [gates, setGates] = useState<GateCode[]>([gate]);
  const [noGate, setNoGate] = useState(false);
  const create = useMutation({
    mutationFn: (officer: { username: string; password: string; agency: Agency; gates: GateCode[] }) =>
      createOfficer(token, action.keyFor(officer), officer),
    onSuccess: (officer) => {
      action.done();
      setUsername('');
      setPassword('');
      onDone('created', officer.username);
      return refresh();
    },
  });
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    setNoGate(gates.length === 0);
    if (gates.length === 0 || create.isPending) return;
    create.mutate({ username: username.trim(), password, agency, gates });
  };
  return (
    <form className="officer-form officer-narrow" aria-labelledby={`${userId}-heading`} onSubmit={submit}>
      <h3 id={`${userId}-heading`}>{t('create.heading')}</h3>
      <label htmlFor={userId}>{t('fields.username')}</label>
      <input
        id={userId}
        name="username"
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        required
        maxLength={64}
        aria-describedby={userHint}
        value={username}
        onChange={(event) => setUsername(event.target.value)}
      />
      <p id={userHint} className="note">
        {t('fields.usernameHint')}
      </p>
      <label htmlFor={passwordId}>{t('fields.password')}</label>
      <input
        id={passwordId}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        aria-describedby={passwordHint}
        value={password}
        onChange={(event) => setPassword(event.target.value)}
      />
      <p id={passwordHint} className="note">
        {t('fields.passwordHint')}
      </p>
      <AgencySelect value={agency} onChange={setAgency} />
      <GateChoice gates={me.gates} value={gates} onChange={setGates} />
      <button type="submit" className="primary" disabled={create.isPending}>
        {t('create.button')}
      </button>
      <div aria-live="polite">
        {create.isPending && <p role="status">{t('action.saving')}</p>}
        {noGate && <p className="problem">{t('errors.noGate')}</p>}
        {create.isError && <p className="problem">{problem(create.error)}</p>}
      </div>
    </form>
  );
}

function PostingsForm(props: { token: string; me: Me; officer: OfficerAccount; onClose: () => void; onDone: Done }) {
  const { t, problem } = useAdminWords();
  const refresh = useRefresh();
  const action = useActionKey();
  const headingId = useId();
  const [agency, setAgency] = useState<Agency>(props.officer.agency);
  const [gates, setGates] = useState<GateCode[]>(props.officer.gates);
  const [noGate, setNoGate] = useState(false);
  const save = useMutation({
    mutationFn: (postings: { agency: Agency; gates: GateCode[] }) =>
      setPostings(props.token, action.keyFor({ id: props.officer.id, postings }), props.officer.id, postings),
    onSuccess: (officer) => {
      action.done();
      props.onDone('postings', officer.username);
      props.onClose();
      return refresh(officer);
    },
    onError: (error) => (error instanceof ApiError && error.code === 'OFFICER.NOT_FOUND' ? refresh() : undefined),
  });
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    setNoGate(gates.length === 0);
    if (gates.length > 0 && !save.isPending) save.mutate({ agency, gates });
  };
  return (
    <form className="officer-form" aria-labelledby={headingId} onSubmit={submit}>
      <h4 id={headingId}>{t('postings.heading', { username: props.officer.username })}</h4>
      <AgencySelect value={agency} onChange={setAgency} />
      <GateChoice gates={props.me.gates} value={gates} onChange={setGates} />
      <div className="officer-row">
        <button type="submit" className="primary" disabled={save.isPending}>
          {t('action.save')}
        </button>
        <button type="button" onClick={props.onClose}>
          {t('action.cancel')}
        </button>
      </div>
      <div aria-live="polite">
        {save.isPending && <p role="status">{t('action.saving')}</p>}
        {noGate && <p className="problem">{t('errors.noGate')}</p>}
        {save.isError && <p className="problem">{problem(save.error)}</p>}
      </div>
    </form>
  );
}

function PasswordForm(props: { token: string; officer: OfficerAccount; onClose: () => void; onDone: Done }) {
  const { t, problem } = useAdminWords();
  const refresh = useRefresh();
  const action = useActionKey();
  const id = useId();
  const hintId = useId();
  const [password, setPassword] = useState('');
  const reset = useMutation({
    mutationFn: (next: string) =>
      resetPassword(props.token, action.keyFor({ id: props.officer.id, next }), props.officer.id, next),
    onSuccess: (officer) => {
      action.done();
      setPassword('');
      props.onDone('password', officer.username);
      props.onClose();
      return refresh(officer);
    },
    onError: (error) => (error instanceof ApiError && error.code === 'OFFICER.NOT_FOUND' ? refresh() : undefined),
  });
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!reset.isPending) reset.mutate(password);
  };
  return (
    <form className="officer-form officer-narrow" onSubmit={submit}>
      <label htmlFor={id}>{t('fields.newPassword', { username: props.officer.username })}</label>
      <input
        id={id}
        name="new-password"
        type="password"
        autoComplete="new-password"
        required
        aria-describedby={hintId}
        value={password}
        onChange={(event) => setPassword(event.target.value)}
      />
      <p id={hintId} className="note">
        {t('fields.passwordHint')}
      </p>
      <div className="officer-row">
        <button type="submit" className="primary" disabled={reset.isPending}>
          {t('action.password')}
        </button>
        <button type="button" onClick={props.onClose}>
          {t('action.cancel')}
        </button>
      </div>
      <div aria-live="polite">
        {reset.isPending && <p role="status">{t('action.saving')}</p>}
        {reset.isError && <p className="problem">{problem(reset.error)}</p>}
      </div>
    </form>
  );
}

function OfficerRow(props: {
  token: string;
  me: Me;
  officer: OfficerAccount;
  editing: Editing;
  onEdit: (editing: Editing) => void;
  onDone: Done;
}) {
  const { t, tDefault, language, problem } = useAdminWords();
  const refresh = useRefresh();
  const action = useActionKey();
  const { officer, me } = props;
  const self = officer.id === me.id;
  const beyond = officer.gates.filter((gate) => !me.gates.includes(gate));
  const toggle = useMutation({
    mutationFn: (enabled: boolean) =>
      setEnabled(props.token, action.keyFor({ id: officer.id, enabled }), officer.id, enabled),
    onSuccess: (changed) => {
      action.done();
      props.onDone(changed.disabledAt ? 'disabled' : 'enabled', changed.username);
      return refresh(changed);
    },
    onError: (error) => (error instanceof ApiError && error.code === 'OFFICER.NOT_FOUND' ? refresh() : undefined),
  });
  const editing = props.editing?.id === officer.id ? props.editing.kind : null;
  const state = officer.disabledAt
    ? t('state.disabled')
    : officer.lockedUntil
      ? t('state.locked', { time: formatDateTime(officer.lockedUntil, language) })
      : t('state.active');
  const close = (): void => props.onEdit(null);
  return (
    <>
      <tr>
        <th scope="row">
          {officer.username} {self && <span className="note">{t('table.you')}</span>}
        </th>
        <td data-label={t('table.agency')}>{tDefault(`agency.${officer.agency}`)}</td>
        <td data-label={t('table.gates')}>{officer.gates.map((gate) => tDefault(`gate.${gate}`)).join(', ')}</td>
        <td data-label={t('table.state')}>
          <span className={`officer-admin-state officer-admin-${officer.disabledAt ? 'disabled' : 'active'}`}>
            {state}
          </span>
        </td>
        <td>
          {beyond.length > 0 ? (
            <span className="note">
              {t('table.beyond', { gates: beyond.map((gate) => tDefault(`gate.${gate}`)).join(', ') })}
            </span>
          ) : (
            <div className="officer-row">
              {!self && (
                <button
                  type="button"
                  disabled={toggle.isPending}
                  aria-label={`${officer.disabledAt ? t('action.enable') : t('action.disable')} ${officer.username}`}
                  onClick={() => !toggle.isPending && toggle.mutate(officer.disabledAt !== null)}
                >
                  {officer.disabledAt ? t('action.enable') : t('action.disable')}
                </button>
              )}
              <button
                type="button"
                aria-expanded={editing === 'postings'}
                aria-label={`${t('action.postings')} ${officer.username}`}
                onClick={() => props.onEdit(editing === 'postings' ? null : { id: officer.id, kind: 'postings' })}
              >
                {t('action.postings')}
              </button>
              <button
                type="button"
                aria-expanded={editing === 'password'}
                aria-label={`${t('action.password')} ${officer.username}`}
                onClick={() => props.onEdit(editing === 'password' ? null : { id: officer.id, kind: 'password' })}
              >
                {t('action.password')}
              </button>
            </div>
          )}
          <div aria-live="polite">
            {toggle.isPending && <p role="status">{t('action.saving')}</p>}
            {toggle.isError && <p className="problem">{problem(toggle.error)}</p>}
          </div>
        </td>
      </tr>
      {editing && (
        <tr>
          <td colSpan={5}>
            {editing === 'postings' ? (
              <PostingsForm token={props.token} me={me} officer={officer} onClose={close} onDone={props.onDone} />
            ) : (
              <PasswordForm token={props.token} officer={officer} onClose={close} onDone={props.onDone} />
            )}
          </td>
        </tr>
      )}
    </>
  );
}

/** A supervisor's officer administration at one gate: create, disable, change postings, reset a password. */
export function OfficersAdmin(props: { gate: string; token: string }) {
  const { t, tDefault, problem } = useAdminWords();
  const gate = props.gate as GateCode;
  const headingId = useId();
  const [editing, setEditing] = useState<Editing>(null);
  const [done, setDone] = useState<string | null>(null);
  // The console's own query of who is signed in: the same key, so one answer serves both.
  const who = useQuery({
    queryKey: ['officer', 'me', props.token],
    queryFn: () => readMe(props.token),
    staleTime: 60_000,
  });
  const list = useQuery({
    queryKey: ['officerAdmin', gate, props.token],
    queryFn: () => officersAt(props.token, gate),
  });
  const onDone: Done = (key, username) => setDone(t(`done.${key}`, { username }));
  const gateName = tDefault(`gate.${gate}`);
  return (
    <section aria-labelledby={headingId} className="card officer-admin">
      <h2 id={headingId}>{t('heading', { gate: gateName })}</h2>
      <p className="note">{t('lead')}</p>
      <div aria-live="polite">
        {done && (
          <p className="officer-result" data-testid="officer-admin-done">
            {done}
          </p>
        )}
      </div>
      {(list.isPending || who.isPending) && <p role="status">{t('loading')}</p>}
      {list.isError && <p className="problem">{problem(list.error)}</p>}
      {who.isError && <p className="problem">{problem(who.error)}</p>}
      {list.data && who.data && (
        <>
          {list.data.length === 0 ? (
            <p>{t('empty')}</p>
          ) : (
            <div className="officer-table-wrap">
              <table className="steps officer-admin-table">
                <caption>{t('table.caption', { gate: gateName })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('table.username')}</th>
                    <th scope="col">{t('table.agency')}</th>
                    <th scope="col">{t('table.gates')}</th>
                    <th scope="col">{t('table.state')}</th>
                    <th scope="col">{t('table.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.map((officer) => (
                    <OfficerRow
                      key={officer.id}
                      token={props.token}
                      me={who.data}
                      officer={officer}
                      editing={editing}
                      onEdit={setEditing}
                      onDone={onDone}
                    />
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <CreateOfficer token={props.token} me={who.data} gate={gate} onDone={onDone} />
        </>
      )}
    </section>
  );
}
