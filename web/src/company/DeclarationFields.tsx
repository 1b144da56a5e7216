import { Fragment, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from './common';
import { SlotPicker } from './SlotPicker';
import {
  CARGO_REGIMES,
  CONTAINER_FIELDS,
  CONTAINER_SIZES_FEET,
  type FieldPath,
  type FormValues,
  HANDOVER_ROLES,
  isAsked,
  localInput,
  NATIONALITIES,
  namesItsField,
  type Problems,
  TRIP_KINDS,
} from './declaration-form';

const GATES = ['HUU_NGHI', 'TAN_THANH'] as const;
const DIRECTIONS = ['export', 'import'] as const;

/** The words' key of a field: i18next reads dots as nesting, so `vehicle.plate` is `vehicle_plate`. */
export const fieldKey = (path: FieldPath): string => path.replaceAll('.', '_');

interface Props {
  values: FormValues;
  problems: Problems;
  onChange: (path: FieldPath, value: string) => void;
  /** Amending: gate, direction, the kind of trip, its handover and the claimed exemption cannot change. */
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
  const text = (path: FieldPath, type = 'text', extra: Record<string, string> = {}, disabled = false) => (
    <div className={`field${problems[path] ? ' field-bad' : ''}`}>
      <label htmlFor={`${id}-${fieldKey(path)}`}>{t(`field.${fieldKey(path)}`)}</label>
      <input
        id={`${id}-${fieldKey(path)}`}
        name={path}
        type={type}
        value={values[path]}
        disabled={disabled}
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
  const size = (o: string): string => (o ? t('containerSize', { feet: o }) : t('containerSizeUnknown'));

  return (
    <>
      <fieldset>
        <legend>{t('section.trip')}</legend>
        {choice('gate', GATES, (g) => tMain(`gate.${g}`), tripFixed)}
        {choice('direction', DIRECTIONS, (d) => tMain(`direction.${d}`), tripFixed)}
        {text('expectedArrivalAt', 'datetime-local')}
        {!tripFixed && (
          <div className={`field${problems.slotStart ? ' field-bad' : ''}`}>
            <label htmlFor={`${id}-slotStart`}>{t('field.slotStart')}</label>
            <SlotPicker
              gate={values.gate}
              direction={values.direction}
              value={values.slotStart}
              arrival={values.expectedArrivalAt}
              id={`${id}-slotStart`}
              describedBy={described('slotStart')}
              invalid={Boolean(problems.slotStart)}
              onChange={(slotStart) => {
                onChange('slotStart', slotStart);
                // The truck is expected at the start of the hour it booked.
                if (slotStart) onChange('expectedArrivalAt', localInput(slotStart));
              }}
            />
            {after('slotStart')}
          </div>
        )}
        {choice('tripKind', TRIP_KINDS, (k) => t(`tripKind.${k}`), tripFixed)}
        {isAsked('handover.role', values) &&
          choice('handover.role', HANDOVER_ROLES, (r) => t(`handoverRole.${r}`), tripFixed)}
        {isAsked('handover.linkedDeclarationId', values) &&
          text('handover.linkedDeclarationId', 'text', { autoComplete: 'off', spellCheck: 'false' }, tripFixed)}
      </fieldset>
      <fieldset>
        <legend>{t('section.vehicle')}</legend>
        {text('vehicle.plate', 'text', { autoComplete: 'off', spellCheck: 'false' })}
        {choice('vehicle.nationality', NATIONALITIES, nationality)}
        {text('vehicle.trailerPlate', 'text', { autoComplete: 'off', spellCheck: 'false' })}
        {text('vehicle.tonnageKg', 'text', { inputMode: 'numeric' })}
        {CONTAINER_FIELDS.map((c) => (
          <Fragment key={c.number}>
            {text(c.number, 'text', { autoComplete: 'off', spellCheck: 'false' })}
            {choice(c.sizeFeet, ['', ...CONTAINER_SIZES_FEET.map(String)], size)}
          </Fragment>
        ))}
        {box('vehicle.twoWayTransport')}
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
        {choice('cargo.regime', CARGO_REGIMES, (r) => t(`regime.${r}`))}
      </fieldset>
      <fieldset>
        <legend>{t('section.fee')}</legend>
        {text('feeExemptionCode', 'text', { autoComplete: 'off', spellCheck: 'false' }, tripFixed)}
      </fieldset>
    </>
  );
}
