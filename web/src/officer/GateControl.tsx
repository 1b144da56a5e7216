import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { type GateBoard, gateBoard } from '../api';
import { useActionKey } from './idempotency';
import { closeGate, type GateCode, openGate } from './officer-api';
import { useOfficerWords } from './use-officer-words';

/** A supervisor closes the gate to check-ins, with a reason the public board shows, and opens it again. */
export function GateControl({ token, gate }: { token: string; gate: GateCode }) {
  const { t, tDefault, problem } = useOfficerWords();
  const queryClient = useQueryClient();
  const reasonId = useId();
  const hintId = useId();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  // The same query as the board below, so one answer serves both.
  const board = useQuery({ queryKey: ['board', gate], queryFn: () => gateBoard(gate), refetchInterval: 30_000 });
  const action = useActionKey();
  const change = useMutation({
    mutationFn: (to: { close: string } | { open: true }) =>
      'close' in to
        ? closeGate(token, action.keyFor({ gate, to }), gate, to.close)
        : openGate(token, action.keyFor({ gate, to }), gate),
    onSuccess: (state) => {
      action.done();
      setReason('');
      // The answer is the gate as it now stands; asking the board again at once could get its cached copy (BOARD_CACHE_MS).
      queryClient.setQueryData<GateBoard>(['board', gate], (board) =>
        board ? { ...board, open: state.open, closedReason: state.closedReason, closedAt: state.closedAt } : board,
      );
    },
  });
  const close = (event: FormEvent): void => {
    event.preventDefault();
    if (!reason.trim()) return setMissing(true);
    setMissing(false);
    if (!change.isPending) change.mutate({ close: reason.trim() });
  };
  const open = board.data?.open;
  return (
    <section aria-labelledby="officer-gate-control" className="card">
      <h2 id="officer-gate-control">{t('gateControl.heading', { gate: tDefault(`gate.${gate}`) })}</h2>
      {board.isPending && <p role="status">{tDefault('board.loading')}</p>}
      {board.isError && <p className="problem">{problem(board.error)}</p>}
      {open === true && (
        <form className="officer-form officer-narrow" onSubmit={close}>
          <label htmlFor={reasonId}>{t('gateControl.reason')}</label>
          <textarea
            id={reasonId}
            name="reason"
            rows={2}
            maxLength={500}
            aria-describedby={hintId}
            aria-invalid={missing}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
          <p id={hintId} className="note">
            {missing ? <strong>{t('gateControl.reasonNeeded')}</strong> : t('gateControl.reasonHint')}
          </p>
          <button type="submit" className="officer-refuse" disabled={change.isPending}>
            {t('gateControl.close')}
          </button>
        </form>
      )}
      {open === false && (
        <div className="officer-row">
          <p>
            <strong>{tDefault('board.closed')}</strong>
            {board.data?.closedReason && ` — ${tDefault('board.closedReason', { reason: board.data.closedReason })}`}
          </p>
          <button
            type="button"
            className="primary"
            disabled={change.isPending}
            onClick={() => !change.isPending && change.mutate({ open: true })}
          >
            {t('gateControl.open')}
          </button>
        </div>
      )}
      <div aria-live="polite">
        {change.isPending && <p role="status">{t('gateControl.sending')}</p>}
        {change.isError && <p className="problem">{problem(change.error)}</p>}
        {change.isSuccess && (
          <p data-testid="gate-changed">{change.data.open ? t('gateControl.opened') : t('gateControl.closed')}</p>
        )}
      </div>
    </section>
  );
}
