import { useId, type ReactNode } from 'react';

/** A labelled <select> whose options are value/label pairs. */
export function SelectField<T extends string | number>(props: {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  help?: string;
}): ReactNode {
  const id = useId();
  const { label, value, options, onChange, help } = props;
  return (
    <div className="setting">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        className="input"
        value={String(value)}
        aria-describedby={help ? `${id}-help` : undefined}
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
      {help && (
        <p id={`${id}-help`} className="field-help">
          {help}
        </p>
      )}
    </div>
  );
}

export function CheckboxField(props: { label: string; checked: boolean; onChange: (checked: boolean) => void; help?: string }): ReactNode {
  const id = useId();
  const { label, checked, onChange, help } = props;
  return (
    <div className="setting setting-check">
      <input id={id} type="checkbox" checked={checked} aria-describedby={help ? `${id}-help` : undefined} onChange={(event) => onChange(event.target.checked)} />
      <label htmlFor={id}>{label}</label>
      {help && (
        <p id={`${id}-help`} className="field-help">
          {help}
        </p>
      )}
    </div>
  );
}

export function RadioField<T extends string>(props: {
  legend: string;
  name: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  help?: string;
}): ReactNode {
  const id = useId();
  const { legend, name, value, options, onChange, help } = props;
  return (
    <fieldset className="setting setting-radios" aria-describedby={help ? `${id}-help` : undefined}>
      <legend>{legend}</legend>
      <div className="radios">
        {options.map((option) => (
          <label key={option.value} className="radio">
            <input type="radio" name={name} value={option.value} checked={value === option.value} onChange={() => onChange(option.value)} />
            {option.label}
          </label>
        ))}
      </div>
      {help && (
        <p id={`${id}-help`} className="field-help">
          {help}
        </p>
      )}
    </fieldset>
  );
}
