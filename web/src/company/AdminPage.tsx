import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format';
import { Loading, Problem, useLanguage } from './common';
import {
  type ApiKeyRow,
  createApiKey,
  createUser,
  createWebhook,
  listApiKeys,
  listDeliveries,
  listUsers,
  listWebhooks,
  redeliver,
  revokeApiKey,
  setUserEnabled,
  deleteWebhook,
  enableWebhook,
  WEBHOOK_EVENTS,
  type Webhook,
} from './company-api';

/** Runs a write, with its sending state and its problem; refreshes the company's lists after. */
function useAction() {
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async <T,>(action: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      const result = await action();
      await queryClient.invalidateQueries({ queryKey: ['company', 'admin'] });
      return result;
    } catch (e) {
      setError(e);
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

function Secret({ text, label, value }: { text: string; label: string; value: string }) {
  const { t } = useTranslation('company');
  const [copied, setCopied] = useState(false);
  return (
    <div className="secret" role="status">
      <p>{text}</p>
      <p>
        <code data-testid="secret">{value}</code>{' '}
        <button
          type="button"
          onClick={() =>
            void navigator.clipboard.writeText(value).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {label}
        </button>{' '}
        {copied && <span>{t('admin.copied')}</span>}
      </p>
    </div>
  );
}

function Confirm({
  question,
  yes,
  no,
  onYes,
  children,
}: {
  question: string;
  yes: string;
  no: string;
  onYes: () => void;
  children: (ask: () => void) => ReactNode;
}) {
  const [asking, setAsking] = useState(false);
  if (!asking) return <>{children(() => setAsking(true))}</>;
  return (
    <span className="confirm" role="group" aria-label={question}>
      <span>{question}</span>{' '}
      <button
        type="button"
        className="danger"
        onClick={() => {
          setAsking(false);
          onYes();
        }}
      >
        {yes}
      </button>{' '}
      <button type="button" onClick={() => setAsking(false)}>
        {no}
      </button>
    </span>
  );
}

function Users({ selfId }: { selfId: string }) {
  const { t } = useTranslation('company');
  const id = useId();
  const users = useQuery({ queryKey: ['company', 'admin', 'users'], queryFn: listUsers });
  const action = useAction();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<'admin' | 'clerk'>('clerk');
  const [created, setCreated] = useState<string | null>(null);
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setCreated(null);
    const user = await action.run(() => createUser(username.trim(), password, role));
    if (user) {
      setCreated(t('admin.userCreated', { username: user.username }));
      setUsername('');
      setPassword('');
    }
  };
  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('admin.users')}</h2>
      <form className="inline-form" onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor={`${id}-u`}>{t('admin.username')}</label>
          <input
            id={`${id}-u`}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            autoComplete="off"
            required
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-p`}>{t('admin.password')}</label>
          <input
            id={`${id}-p`}
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="new-password"
            required
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-r`}>{t('admin.role')}</label>
          <select id={`${id}-r`} value={role} onChange={(e) => setRole(e.target.value as 'admin' | 'clerk')}>
            <option value="clerk">{t('role.clerk')}</option>
            <option value="admin">{t('role.admin')}</option>
          </select>
        </div>
        <p className="actions">
          <button type="submit" className="primary" disabled={action.busy}>
            {t('admin.createUser')}
          </button>
        </p>
      </form>
      {action.busy && <p role="status">{t('saving')}</p>}
      {created && (
        <p role="status" className="success">
          {created}
        </p>
      )}
      {action.error !== null && <Problem error={action.error} />}
      {users.isPending && <Loading />}
      {users.isError && <Problem error={users.error} />}
      {users.data && (
        <div className="table-wrap">
          <table className="steps" data-testid="users">
            <thead>
              <tr>
                <th scope="col">{t('admin.username')}</th>
                <th scope="col">{t('admin.role')}</th>
                <th scope="col">{t('admin.state')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('admin.state')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.data.map((u) => {
                const disabled = u.disabled ?? Boolean(u.disabledAt);
                return (
                  <tr key={u.id}>
                    <th scope="row">{u.username}</th>
                    <td>{t(`role.${u.role}`)}</td>
                    <td>{disabled ? t('admin.disabled') : t('admin.active')}</td>
                    <td>
                      {/* Nobody disables themselves: the company would risk losing its last administrator. */}
                      {u.id !== selfId && (
                        <button
                          type="button"
                          disabled={action.busy}
                          onClick={() => void action.run(() => setUserEnabled(u.id, disabled))}
                        >
                          {disabled
                            ? t('admin.enable', { username: u.username })
                            : t('admin.disable', { username: u.username })}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function ApiKeys() {
  const { t } = useTranslation('company');
  const language = useLanguage();
  const id = useId();
  const keys = useQuery({ queryKey: ['company', 'admin', 'keys'], queryFn: listApiKeys });
  const action = useAction();
  const [name, setName] = useState('');
  const [fresh, setFresh] = useState<{ name: string; apiKey: string } | null>(null);
  const when = (iso: string | null): string => (iso ? formatDateTime(iso, language) : t('admin.never'));
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setFresh(null);
    const key = await action.run(() => createApiKey(name.trim()));
    if (key) {
      setFresh({ name: key.name, apiKey: key.apiKey });
      setName('');
    }
  };
  const row = (k: ApiKeyRow) => (
    <tr key={k.prefix}>
      <th scope="row">{k.name}</th>
      <td>
        <code>{k.prefix}</code>
      </td>
      <td>{when(k.createdAt)}</td>
      <td>{when(k.lastUsedAt)}</td>
      <td>
        {k.revokedAt ? (
          t('admin.revoked', { at: when(k.revokedAt) })
        ) : (
          <Confirm
            question={t('admin.revokeConfirm', { name: k.name })}
            yes={t('admin.revokeYes')}
            no={t('admin.keep')}
            onYes={() => void action.run(() => revokeApiKey(k.prefix))}
          >
            {(ask) => (
              <button type="button" className="danger" onClick={ask} disabled={action.busy}>
                {t('admin.revoke', { name: k.name })}
              </button>
            )}
          </Confirm>
        )}
      </td>
    </tr>
  );
  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('admin.keys')}</h2>
      <form className="inline-form" onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor={`${id}-n`}>{t('admin.keyName')}</label>
          <input id={`${id}-n`} value={name} onChange={(e) => setName(e.target.value)} required />
        </div>
        <p className="actions">
          <button type="submit" className="primary" disabled={action.busy}>
            {t('admin.createKey')}
          </button>
        </p>
      </form>
      {action.busy && <p role="status">{t('saving')}</p>}
      {fresh && <Secret text={t('admin.keyOnce', { name: fresh.name })} label={t('admin.copy')} value={fresh.apiKey} />}
      {action.error !== null && <Problem error={action.error} />}
      {keys.isPending && <Loading />}
      {keys.isError && <Problem error={keys.error} />}
      {keys.data && keys.data.length === 0 && <p>{t('admin.none')}</p>}
      {keys.data && keys.data.length > 0 && (
        <div className="table-wrap">
          <table className="steps" data-testid="api-keys">
            <thead>
              <tr>
                <th scope="col">{t('admin.keyName')}</th>
                <th scope="col">{t('admin.prefix')}</th>
                <th scope="col">{t('admin.created')}</th>
                <th scope="col">{t('admin.lastUsed')}</th>
                <th scope="col">{t('admin.state')}</th>
              </tr>
            </thead>
            <tbody>{keys.data.map(row)}</tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Deliveries({ hook }: { hook: Webhook }) {
  const { t } = useTranslation('company');
  const language = useLanguage();
  const deliveries = useQuery({
    queryKey: ['company', 'admin', 'deliveries', hook.id],
    queryFn: () => listDeliveries(hook.id),
  });
  const action = useAction();
  const [queued, setQueued] = useState(false);
  if (deliveries.isPending) return <Loading />;
  if (deliveries.isError) return <Problem error={deliveries.error} />;
  if (deliveries.data.length === 0) return <p>{t('admin.noDeliveries')}</p>;
  return (
    <div className="table-wrap">
      <table className="steps">
        <caption>{t('admin.deliveries', { url: hook.url })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.event')}</th>
            <th scope="col">{t('admin.created')}</th>
            <th scope="col">{t('admin.state')}</th>
            <th scope="col">{t('admin.attempts')}</th>
            <th scope="col">{t('admin.lastAnswer')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('admin.redeliver')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {deliveries.data.map((d) => (
            <tr key={d.id}>
              <td>{t(`event.${d.eventType.replace('declaration.', '')}`, { defaultValue: d.eventType })}</td>
              <td>{formatDateTime(d.createdAt, language)}</td>
              <td>{t(`deliveryStatus.${d.status}`, { defaultValue: d.status })}</td>
              <td>{d.attempts}</td>
              <td>{d.lastStatusCode ?? d.lastError ?? '—'}</td>
              <td>
                <button
                  type="button"
                  disabled={action.busy || d.status === 'pending'}
                  onClick={() => void action.run(() => redeliver(hook.id, d.id)).then(() => setQueued(true))}
                >
                  {t('admin.redeliver')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {queued && action.error === null && <p role="status">{t('admin.redelivered')}</p>}
      {action.error !== null && <Problem error={action.error} />}
    </div>
  );
}

function Webhooks() {
  const { t } = useTranslation('company');
  const id = useId();
  const hooks = useQuery({ queryKey: ['company', 'admin', 'webhooks'], queryFn: listWebhooks });
  const action = useAction();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<string[]>(['declaration.accepted', 'declaration.rejected']);
  const [secret, setSecret] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setSecret(null);
    const hook = await action.run(() => createWebhook(url.trim(), events));
    if (hook) {
      setSecret(hook.secret);
      setUrl('');
    }
  };
  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('admin.webhooks')}</h2>
      <form className="inline-form" onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor={`${id}-url`}>{t('admin.url')}</label>
          <input
            id={`${id}-url`}
            type="url"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            placeholder="https://"
            required
          />
        </div>
        <fieldset>
          <legend>{t('admin.events')}</legend>
          <div className="checks">
            {WEBHOOK_EVENTS.map((e) => (
              <label key={e}>
                <input
                  type="checkbox"
                  checked={events.includes(e)}
                  onChange={(ev) => setEvents((all) => (ev.target.checked ? [...all, e] : all.filter((x) => x !== e)))}
                />{' '}
                {t(`event.${e.replace('declaration.', '')}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <p className="actions">
          <button type="submit" className="primary" disabled={action.busy}>
            {t('admin.register')}
          </button>
        </p>
      </form>
      {action.busy && <p role="status">{t('saving')}</p>}
      {secret && <Secret text={t('admin.secretOnce')} label={t('admin.copySecret')} value={secret} />}
      {action.error !== null && <Problem error={action.error} />}
      {hooks.isPending && <Loading />}
      {hooks.isError && <Problem error={hooks.error} />}
      {hooks.data && hooks.data.length === 0 && <p>{t('admin.none')}</p>}
      {hooks.data?.map((hook) => (
        <article key={hook.id} className="webhook">
          <h3>
            <code>{hook.url}</code>
          </h3>
          <p>
            {t(`webhookStatus.${hook.status}`)} ·{' '}
            {hook.events.map((e) => t(`event.${e.replace('declaration.', '')}`, { defaultValue: e })).join(', ')}
          </p>
          {hook.disabledReason && <p className="note">{hook.disabledReason}</p>}
          <p className="actions">
            <button type="button" onClick={() => setOpen(open === hook.id ? null : hook.id)}>
              {t('admin.showDeliveries')}
            </button>
            {hook.status === 'disabled' && (
              <button
                type="button"
                disabled={action.busy}
                onClick={() => void action.run(() => enableWebhook(hook.id))}
              >
                {t('admin.enableHook')}
              </button>
            )}
            <Confirm
              question={t('admin.deleteConfirm', { url: hook.url })}
              yes={t('admin.deleteYes')}
              no={t('admin.keep')}
              onYes={() => void action.run(() => deleteWebhook(hook.id))}
            >
              {(ask) => (
                <button type="button" className="danger" onClick={ask} disabled={action.busy}>
                  {t('admin.deleteHook')}
                </button>
              )}
            </Confirm>
          </p>
          {open === hook.id && <Deliveries hook={hook} />}
        </article>
      ))}
    </section>
  );
}

/** The company's administration: users, API keys, webhooks. Administrators only (the API refuses clerks too). */
export function AdminPage({ isAdmin, selfId }: { isAdmin: boolean; selfId: string }) {
  const { t } = useTranslation('company');
  if (!isAdmin)
    return (
      <section className="card">
        <p>{t('admin.onlyAdmins')}</p>
      </section>
    );
  return (
    <>
      <h1>{t('admin.heading')}</h1>
      <Users selfId={selfId} />
      <ApiKeys />
      <Webhooks />
    </>
  );
}
