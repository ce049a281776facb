// Big tappable choices (radio or checkbox) in a fieldset: one-hand, ≥ 48 px, labelled.
import type { Key } from '../i18n';
import { t } from '../i18n';

export function Choices<T extends string>({
  legend,
  name,
  options,
  label,
  value,
  onChange,
  multiple = false,
}: {
  legend: string;
  name: string;
  options: readonly T[];
  label: (option: T) => Key;
  value: T | readonly T[] | null;
  onChange: (next: T) => void;
  multiple?: boolean;
}) {
  const selected = (o: T) => (Array.isArray(value) ? value.includes(o) : value === o);
  return (
    <fieldset class="choices">
      <legend>{legend}</legend>
      <div class="chips">
        {options.map((o) => (
          <label class={selected(o) ? 'chip on' : 'chip'} key={o}>
            <input type={multiple ? 'checkbox' : 'radio'} name={name} value={o} checked={selected(o)} onChange={() => onChange(o)} />
            <span>{t(label(o))}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
