import { useEffect, useState } from 'react';

interface Props {
  value: number | null;
  /** Called on Enter or blur with the parsed number (null when empty and `allowEmpty`). */
  onCommit: (value: number | null) => void;
  allowEmpty?: boolean;
  placeholder?: string;
  min?: number;
  step?: number;
  /** shown next to the field (e.g. the rule validator's message) */
  error?: string | null;
  testId?: string;
  label?: string;
  width?: number;
}

/**
 * A number input that commits on Enter or when it loses focus, not on every keystroke: each
 * commit may start an analysis run. Escape restores the stored value.
 */
export function NumberField({ value, onCommit, allowEmpty, placeholder, min, step, error, testId, label, width }: Props) {
  const [draft, setDraft] = useState(value == null ? '' : String(value));
  useEffect(() => setDraft(value == null ? '' : String(value)), [value]);
  const commit = () => {
    const text = draft.trim();
    if (text === '' && allowEmpty) {
      if (value !== null) onCommit(null);
      return;
    }
    const n = Number(text);
    if (text === '' || !Number.isFinite(n)) {
      setDraft(value == null ? '' : String(value));
      return;
    }
    if (n !== value) onCommit(n);
  };
  return (
    <span className={`pl-number${error ? ' invalid' : ''}`}>
      <input
        type="number"
        value={draft}
        min={min}
        step={step}
        placeholder={placeholder}
        aria-label={label}
        aria-invalid={!!error}
        data-testid={testId}
        style={width ? { width } : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setDraft(value == null ? '' : String(value));
        }}
      />
      {error && <span className="pl-field-error" role="alert">{error}</span>}
    </span>
  );
}
