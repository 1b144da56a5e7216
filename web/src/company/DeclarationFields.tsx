import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from './common';
import { type FieldPath, type FormValues, NATIONALITIES, namesItsField, type Problems } from './declaration-form';

const GATES = ['HUU_NGHI', 'TAN_THANH'] as const;
const DIRECTIONS = ['export', 'import'] as const;

/** The words' key of a field: i18next reads dots as nesting, so `vehicle.plate` is `vehicle_plate`. */
export const fieldKey = (path: FieldPath): string => path.replace('.', '_');

interface Props {
  values: FormValues;
  problems: Problems;
  onChange: (path: FieldPath, value: string) => void;
  /** Amending: gate and direction are the trip itself and cannot change. */
  tripFixed?: boolean;
}

/** The declaration's fields, grouped; each with its label, hint and problem (announced, tied to the field). */
export function DeclarationFields({ values, problems, onChange, tripFixed = false }: Props) {
  const { t } = useTranslation('company');
  const { t: tMain } = useTranslation();
  const id = useId();
  const language = useLanguage();

  const described = (path: FieldPath): string | undefined => {
    const ids = [];
    if (t(`hint.${fieldKey(path)}`, { defaultValue: '' })) ids.push(`${id}-${fieldKey(path)}-hint`);
    if (problems[path]) ids.push(`${id}-${fieldKey(path)}-problem`);
    return ids.length ? ids.join(' ') : undefined;
  };
  const after = (path: FieldPath) => (
    <>
      {t(`hint.${fieldKey(path)}`, { defaultValue: '' }) && (
        <span className="hint" id={`${id}-${fieldKey(path)}-hint`}>
          {t(`hint.${fieldKey(path)}`)}
        </span>
      )}
      {problems[path] && (
        <span className="field-problem" id={`${id}-${fieldKey(path)}-problem`}>
          {namesItsField(problems[path] ?? '')
            ? problems[path]
            : `${t(`field.${fieldKey(path)}`)}${language === 'zh' ? '' : ' '}${problems[path]}`}
        </span>
      )}
    </>
  );
  const text = (path: FieldPath, type = 'text', extra: Record<string, string> = {}) => (
    <div className={`field${problems[path] ? ' field-bad' : ''}`}>
      <label htmlFor={`${id}-${fieldKey(path)}`}>{t(`field.${fieldKey(path)}`)}</label>
      <input
        id={`${id}-${fieldKey(path)}`}
        name={path}
        type={type}
        value={values[path]}
        aria-invalid={problems[path] ? true : undefined}
        aria-describedby={described(path)}
        onChange={(event) => onChange(path, event.target.value)}
        {...extra}
      />
      {after(path)}
    </div>
  );
  const choice = (path: FieldPath, options: readonly string[], word: (o: string) => string, disabled = false) => (
    <div className={`field${problems[path] ? ' field-bad' : ''}`}>
      <label htmlFor={`${id}-${fieldKey(path)}`}>{t(`field.${fieldKey(path)}`)}</label>
      <select
        id={`${id}-${fieldKey(path)}`}
        name={path}
        value={values[path]}
        disabled={disabled}
        aria-invalid={problems[path] ? true : undefined}
        aria-describedby={described(path)}
        onChange={(event) => onChange(path, event.target.value)}
      >
        {options.map((option) => (
          <option key={option} value={option}>
            {word(option)}
          </option>
        ))}
      </select>
      {after(path)}
    </div>
  );
  const box = (path: FieldPath) => (
    <div className={`field field-check${problems[path] ? ' field-bad' : ''}`}>
      <input
        id={`${id}-${fieldKey(path)}`}
        name={path}
        type="checkbox"
        checked={values[path] === 'true'}
        aria-describedby={described(path)}
        onChange={(event) => onChange(path, String(event.target.checked))}
      />
      <label htmlFor={`${id}-${fieldKey(path)}`}>{t(`field.${fieldKey(path)}`)}</label>
      {after(path)}
    </div>
  );
  const nationality = (o: string): string => t(`nationality.${o}`);

  return (
    <>
      <fieldset>
        <legend>{t('section.trip')}</legend>
        {choice('gate', GATES, (g) => tMain(`gate.${g}`), tripFixed)}
        {choice('direction', DIRECTIONS, (d) => tMain(`direction.${d}`), tripFixed)}
        {text('expectedArrivalAt', 'datetime-local')}
      </fieldset>
      <fieldset>
        <legend>{t('section.vehicle')}</legend>
        {text('vehicle.plate', 'text', { autoComplete: 'off', spellCheck: 'false' })}
        {choice('vehicle.nationality', NATIONALITIES, nationality)}
        {text('vehicle.trailerPlate', 'text', { autoComplete: 'off', spellCheck: 'false' })}
        {text('vehicle.containerNumber', 'text', { autoComplete: 'off', spellCheck: 'false' })}
      </fieldset>
      <fieldset>
        <legend>{t('section.driver')}</legend>
        {text('driver.fullName', 'text', { autoComplete: 'off' })}
        {choice('driver.nationality', NATIONALITIES, nationality)}
        {text('driver.documentNumber', 'text', { autoComplete: 'off', spellCheck: 'false' })}
        {text('driver.phone', 'tel', { autoComplete: 'off' })}
      </fieldset>
      <fieldset>
        <legend>{t('section.cargo')}</legend>
        {text('cargo.description')}
        {text('cargo.hsCode', 'text', { inputMode: 'numeric' })}
        {text('cargo.grossWeightKg', 'text', { inputMode: 'numeric' })}
        {text('cargo.customsDeclarationNumber', 'text', { inputMode: 'numeric' })}
        {box('cargo.perishable')}
        {box('cargo.quarantineRequired')}
      </fieldset>
    </>
  );
}
