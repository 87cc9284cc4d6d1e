import { useId, type ReactNode } from 'react';

export interface Option<T> {
  readonly value: T;
  readonly label: string;
}

/** Options labelled with their values capitalised: 'starter' → 'Starter'. */
export function capitalizedOptions<const T extends string>(values: readonly T[]): Option<T>[] {
  return values.map((value) => ({ value, label: value.charAt(0).toUpperCase() + value.slice(1) }));
}

/** What every choice field takes: the value, the options, the change, and an optional help line. */
interface ChoiceProps<T> {
  value: T;
  options: readonly Option<T>[];
  onChange: (value: T) => void;
  help?: string | undefined;
}

/** The help line under a field, named by the field's aria-describedby (`${id}-help`). */
function FieldHelp({ id, help }: { id: string; help: string | undefined }): ReactNode {
  return help ? (
    <p id={`${id}-help`} className="field-help">
      {help}
    </p>
  ) : null;
}

const describedBy = (id: string, help: string | undefined): string | undefined => (help ? `${id}-help` : undefined);

/** A labelled <select> whose options are value/label pairs. */
export function SelectField<T extends string | number>(props: ChoiceProps<T> & { label: string }): ReactNode {
  const id = useId();
  const { label, value, options, onChange, help } = props;
  return (
    <div className="setting">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        className="input"
        value={String(value)}
        aria-describedby={describedBy(id, help)}
        onChange={(event) => {
          const chosen = options.find((option) => String(option.value) === event.target.value);
          if (chosen) onChange(chosen.value);
        }}
      >
        {options.map((option) => (
          <option key={String(option.value)} value={String(option.value)}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldHelp id={id} help={help} />
    </div>
  );
}

export function CheckboxField(props: { label: string; checked: boolean; onChange: (checked: boolean) => void; help?: string }): ReactNode {
  const id = useId();
  const { label, checked, onChange, help } = props;
  return (
    <div className="setting setting-check">
      <input id={id} type="checkbox" checked={checked} aria-describedby={describedBy(id, help)} onChange={(event) => onChange(event.target.checked)} />
      <label htmlFor={id}>{label}</label>
      <FieldHelp id={id} help={help} />
    </div>
  );
}

export function RadioField<T extends string>(props: ChoiceProps<T> & { legend: string; name: string }): ReactNode {
  const id = useId();
  const { legend, name, value, options, onChange, help } = props;
  return (
    <fieldset className="setting setting-radios" aria-describedby={describedBy(id, help)}>
      <legend>{legend}</legend>
      <div className="radios">
        {options.map((option) => (
          <label key={option.value} className="radio">
            <input type="radio" name={name} value={option.value} checked={value === option.value} onChange={() => onChange(option.value)} />
            {option.label}
          </label>
        ))}
      </div>
      <FieldHelp id={id} help={help} />
    </fieldset>
  );
}
