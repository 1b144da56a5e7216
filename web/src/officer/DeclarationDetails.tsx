import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { PlateNumber } from '../../../src/common/identifiers/plate-number';
import { formatDateTime, formatNumber } from '../format';
import { type GateCode, officerDeclaration } from './officer-api';
import { useOfficerWords } from './use-officer-words';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children ?? '—'}</dd>
    </div>
  );
}

/** The declaration in full for the officer at the barrier: vehicle, driver and document, goods, steps, moves. */
export function DeclarationDetails({ token, gate, id }: { token: string; gate: GateCode; id: string }) {
  const { t, tDefault, language, problem } = useOfficerWords();
  const query = useQuery({
    queryKey: ['officer', 'declaration', gate, id],
    queryFn: () => officerDeclaration(token, gate, id),
  });
  if (query.isPending) return <p role="status">{t('details.loading')}</p>;
  if (query.isError) return <p className="problem">{problem(query.error)}</p>;
  const d = query.data;
  const when = (iso: string): string => formatDateTime(iso, language);
  const yesNo = (value: boolean): string => (value ? t('amendments.yes') : t('amendments.no'));
  const containers = (d.vehicle.containers ?? []).map((c) =>
    t('details.container', {
      number: c.number,
      size: c.sizeFeet ? t('details.containerSize', { feet: c.sizeFeet }) : t('details.containerSizeUnknown'),
    }),
  );
  const handover = d.handover;
  return (
    <div className="officer-details" data-testid="declaration-details">
      <h3>{t('field.vehicle')}</h3>
      <dl className="facts">
        <Fact label={t('field.tripKind')}>{t(`details.tripKind.${d.tripKind ?? 'through'}`)}</Fact>
        {handover && (
          <Fact label={t('field.handover')}>
            {t(`details.leg.${handover.role}`)}
            <br />
            {handover.linkedDeclarationId
              ? t('details.otherLeg', { id: handover.linkedDeclarationId })
              : t('details.otherLegMissing')}
          </Fact>
        )}
        <Fact label={t('field.plate')}>{d.vehicle.plateDisplay}</Fact>
        <Fact label={t('field.nationality')}>{t(`details.nationality.${d.vehicle.nationality}`)}</Fact>
        <Fact label={t('field.trailerPlate')}>
          {d.vehicle.trailerPlate && PlateNumber.displayOf(d.vehicle.trailerPlate)}
        </Fact>
        <Fact label={t('field.containers')}>{containers.length > 0 ? containers.join(', ') : null}</Fact>
        <Fact label={t('field.tonnageKg')}>
          {d.vehicle.tonnageKg ? formatNumber(d.vehicle.tonnageKg, language) : null}
        </Fact>
        <Fact label={t('field.twoWayTransport')}>{yesNo(d.vehicle.twoWayTransport ?? false)}</Fact>
        <Fact label={t('field.expectedArrivalAt')}>{when(d.expectedArrivalAt)}</Fact>
        <Fact label={t('details.arrived')}>{d.arrivedAt ? when(d.arrivedAt) : null}</Fact>
      </dl>
      <h3>{t('field.driver')}</h3>
      <dl className="facts">
        <Fact label={t('field.fullName')}>{d.driver.fullName}</Fact>
        <Fact label={t('field.documentKind')}>{t(`details.documentKind.${d.driver.documentKind}`)}</Fact>
        <Fact label={t('field.documentNumber')}>{d.driver.documentNumber}</Fact>
        <Fact label={t('field.nationality')}>{t(`details.nationality.${d.driver.nationality}`)}</Fact>
        <Fact label={t('field.phone')}>{d.driver.phone}</Fact>
      </dl>
      <h3>{t('field.cargo')}</h3>
      <dl className="facts">
        <Fact label={t('field.description')}>{d.cargo.description}</Fact>
        <Fact label={t('field.hsCode')}>{d.cargo.hsCode}</Fact>
        <Fact label={t('field.grossWeightKg')}>{formatNumber(d.cargo.grossWeightKg, language)}</Fact>
        <Fact label={t('field.perishable')}>{yesNo(d.cargo.perishable)}</Fact>
        <Fact label={t('field.customsDeclarationNumber')}>{d.cargo.customsDeclarationNumber}</Fact>
        <Fact label={t('field.quarantineRequired')}>{yesNo(d.cargo.quarantineRequired)}</Fact>
        <Fact label={t('field.regime')}>{t(`details.regime.${d.cargo.regime ?? 'standard'}`)}</Fact>
        <Fact label={t('field.feeExemptionCode')}>{d.feeExemptionCode}</Fact>
      </dl>
      {d.steps.length > 0 && (
        <div className="officer-table-wrap">
          <table className="steps">
            <caption>{t('steps.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('steps.agency')}</th>
                <th scope="col">{t('steps.stage')}</th>
                <th scope="col">{t('steps.state')}</th>
                <th scope="col">{t('details.officer')}</th>
                <th scope="col">{t('decision.note')}</th>
              </tr>
            </thead>
            <tbody>
              {d.steps.map((step) => (
                <tr key={step.id}>
                  <th scope="row">{tDefault(`agency.${step.agency}`)}</th>
                  <td>{step.stage}</td>
                  <td>{tDefault(`stepState.${step.status}`)}</td>
                  <td>{(step.decidedBy ?? step.claimedBy)?.username ?? '—'}</td>
                  <td>{step.note ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>{tDefault('vehicle.moves')}</h3>
      <ol className="moves">
        {d.timeline.map((move) => (
          <li key={`${move.status}-${move.at}`}>
            <time dateTime={move.at}>{when(move.at)}</time> {tDefault(`status.${move.status}`)}
          </li>
        ))}
      </ol>
    </div>
  );
}
