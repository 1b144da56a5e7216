import { Suspense, lazy, useEffect, useState } from 'react';
import { GateBoardView } from '../GateBoardView';
import { OfficersAdmin } from './admin/OfficersAdmin';
import { AgencyQueue } from './AgencyQueue';
import { Amendments } from './Amendments';
import { BoardWarning } from './BoardWarning';
import { CheckIn } from './CheckIn';
import { GateControl } from './GateControl';
import { LetOut } from './LetOut';
import type { Me } from './officer-api';
import { RegulationYardDesk } from './RegulationYardDesk';
import { Suspensions } from './Suspensions';
import type { Workplace } from './session';
import { useOfficerWords } from './use-officer-words';

// The statistics' charts are the heaviest part: loaded only when a supervisor opens them.
const DailyStats = lazy(() => import('./DailyStats'));

const VIEWS = [
  'queue',
  'regulationYard',
  'checkIn',
  'letOut',
  'board',
  'suspensions',
  'amendments',
  'stats',
  'officers',
] as const;
type View = (typeof VIEWS)[number];
/** Each view has its own path, so a reload, a bookmark and the browser's Back button keep to it. */
const VIEW_PATHS: Record<View, string> = {
  queue: 'queue',
  regulationYard: 'regulation-yard',
  checkIn: 'check-in',
  letOut: 'let-out',
  board: 'gate',
  suspensions: 'booking-suspensions',
  amendments: 'amendments',
  stats: 'statistics',
  officers: 'officers',
};

/**
 * Which views an officer has: check-in, let-out and the regulation yards for the yard and border guard; the gate's
 * oversight (the board, booking suspensions, amendments, statistics, officers) for supervisors.
 */
function viewsFor(me: Me): View[] {
  const atBarrier = me.agency === 'yard' || me.agency === 'border_guard' || me.agency === 'supervisor';
  return VIEWS.filter((view) => {
    if (view === 'checkIn' || view === 'letOut' || view === 'regulationYard') return atBarrier;
    if (view === 'queue') return true;
    return me.agency === 'supervisor';
  });
}

/** The view the address names (`/officer/check-in`), if this officer has it. */
function viewInPath(views: readonly View[]): View | undefined {
  const segment = window.location.pathname.replace(/\/+$/, '').split('/')[2];
  return views.find((v) => VIEW_PATHS[v] === segment);
}

/** The console once signed in and placed: one view at a time, chosen in the tab bar, remembered for the tab. */
export function Desk({ token, me, workplace }: { token: string; me: Me; workplace: Workplace }) {
  const { t } = useOfficerWords();
  const views = viewsFor(me);
  const [view, setView] = useState<View>(() => viewInPath(views) ?? 'queue');
  const show = (next: View): void => {
    setView(next);
    const url = new URL(window.location.href);
    url.pathname = `/officer/${VIEW_PATHS[next]}`;
    window.history.pushState(null, '', url);
  };
  const pathViews = views.join();
  useEffect(() => {
    const back = (): void => setView(viewInPath(pathViews.split(',') as View[]) ?? 'queue');
    window.addEventListener('popstate', back);
    return () => window.removeEventListener('popstate', back);
  }, [pathViews]);
  const { gate, agency } = workplace;
  return (
    <>
      {me.agency === 'supervisor' && <BoardWarning gate={gate} />}
      <nav aria-label={t('nav.label')} className="officer-tabs">
        {views.map((v) => (
          <button key={v} type="button" aria-pressed={view === v} onClick={() => show(v)}>
            {t(`nav.${v}`)}
          </button>
        ))}
      </nav>
      <div className="officer-view">
        {view === 'queue' && <AgencyQueue token={token} me={me} gate={gate} agency={agency} />}
        {view === 'regulationYard' && <RegulationYardDesk token={token} gate={gate} />}
        {view === 'checkIn' && <CheckIn token={token} gate={gate} />}
        {view === 'letOut' && <LetOut token={token} gate={gate} />}
        {view === 'board' && (
          <>
            <GateControl token={token} gate={gate} />
            <GateBoardView gate={gate} />
          </>
        )}
        {view === 'suspensions' && <Suspensions token={token} gate={gate} />}
        {view === 'amendments' && <Amendments token={token} gate={gate} />}
        {view === 'stats' && (
          <Suspense fallback={<p role="status">{t('stats.loading')}</p>}>
            <DailyStats token={token} gate={gate} />
          </Suspense>
        )}
        {view === 'officers' && <OfficersAdmin gate={gate} token={token} />}
      </div>
    </>
  );
}
