import type { Step } from './officer-api';
import { useOfficerWords } from './use-officer-words';

/** A declaration's clearance steps: agency, stage, state. */
export function StepsTable({ steps, caption }: { steps: Step[]; caption: string }) {
  const { t, tDefault } = useOfficerWords();
  return (
    <table className="steps">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('steps.agency')}</th>
          <th scope="col">{t('steps.stage')}</th>
          <th scope="col">{t('steps.state')}</th>
        </tr>
      </thead>
      <tbody>
        {steps.map((step) => (
          <tr key={step.id}>
            <th scope="row">{tDefault(`agency.${step.agency}`)}</th>
            <td>{step.stage}</td>
            <td>{tDefault(`stepState.${step.status}`)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
