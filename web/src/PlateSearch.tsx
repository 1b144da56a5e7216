import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { vehicleEventsUrl, vehicleStatus } from './api';
import { errorText } from './api-errors';
import { VehicleStatusView } from './VehicleStatusView';

/** The plate search and its result, kept current by the vehicle's event stream. */
export function PlateSearch() {
  const { t } = useTranslation();
  const inputId = useId();
  const hintId = useId();
  const [typed, setTyped] = useState('');
  const [plate, setPlate] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ['vehicle', plate],
    queryFn: () => vehicleStatus(plate ?? ''),
    enabled: plate !== null && plate !== '',
  });
  const found = query.data?.plate;

  useEffect(() => {
    if (!found) return;
    // Each status event, and each call to the gate from a regulation yard, says something changed: ask for the whole
    // status again rather than patch it.
    const events = new EventSource(vehicleEventsUrl(found));
    const refresh = (): void => void queryClient.invalidateQueries({ queryKey: ['vehicle', plate] });
    events.addEventListener('status', refresh);
    events.addEventListener('call', refresh);
    return () => events.close();
  }, [found, plate, queryClient]);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    setPlate(typed.trim());
  };

  let result = null;
  if (plate === '') result = <p>{t('vehicle.invalid', { why: t('plate.EMPTY') })}</p>;
  else if (plate !== null && query.isPending) result = <p role="status">{t('search.loading')}</p>;
  else if (query.isError)
    result = <p className="problem">{errorText(query.error, (key, options) => t(key, options ?? {}), plate ?? '')}</p>;
  else if (query.data) result = <VehicleStatusView vehicle={query.data} refreshing={query.isFetching} />;

  return (
    <section aria-labelledby="search-heading" className="card">
      <h2 id="search-heading">{t('search.heading')}</h2>
      <form className="search" onSubmit={submit} role="search">
        <label htmlFor={inputId}>{t('search.label')}</label>
        <div className="search-row">
          <input
            id={inputId}
            name="plate"
            type="text"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            aria-describedby={hintId}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
          />
          <button type="submit">{t('search.button')}</button>
        </div>
        <p id={hintId} className="note">
          {t('search.hint')}
        </p>
      </form>
      <div data-testid="vehicle-status" aria-live="polite" className="result">
        {result}
      </div>
    </section>
  );
}
