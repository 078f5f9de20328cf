/**
 * One setting of a service or listener: the input labelled with the Dovecot
 * name, its unit, where the value comes from, doveconf's message when the value
 * is invalid, and the documentation on demand. Text inputs commit on blur or
 * Enter (Escape reverts), selects on change; what the user typed is written as
 * is, even when doveconf will reject it. An empty input removes the setting;
 * `""` writes an explicit empty value.
 *
 * @example <SettingField id="f-process_limit" def={def} written="500" placeholder="100" source="set here" problems={[]} onCommit={commit} />
 */
import { memo, useState } from 'react';
import type { SettingDef } from '../../core/index.ts';
import { Icon } from '../../components/icon.tsx';

/** Props of a setting field. */
export interface SettingFieldProps {
  readonly id: string;
  readonly def: SettingDef;
  /** Value written in the text, or undefined when unset. */
  readonly written: string | undefined;
  /** The effective default shown when unset. */
  readonly placeholder: string;
  /** Where the effective value comes from. */
  readonly source: string;
  readonly problems: readonly string[];
  /** Extra documentation (e.g. the meaning of a listener type). */
  readonly extraDoc?: string;
  /** New value, or null to remove the setting. */
  readonly onCommit: (value: string | null) => void;
}

const UNSET = '\u0000unset';

function SelectInput({ id, def, written, placeholder, describedBy, onCommit }: Pick<SettingFieldProps, 'id' | 'def' | 'written' | 'placeholder' | 'onCommit'> & { describedBy: string | undefined }) {
  const choices = def.type === 'bool' ? ['yes', 'no'] : [...(def.values ?? [])];
  if (written !== undefined && !choices.includes(written)) choices.push(written);
  return (
    <select
      id={id}
      value={written ?? UNSET}
      aria-describedby={describedBy}
      onChange={(e) => onCommit(e.target.value === UNSET ? null : e.target.value)}
    >
      <option value={UNSET}>default ({placeholder})</option>
      {choices.map((c) => (
        <option key={c} value={c}>{c === '' ? '"" (ordinary service)' : c}</option>
      ))}
    </select>
  );
}

function TextInput({ id, def, written, placeholder, describedBy, invalid, onCommit }: Pick<SettingFieldProps, 'id' | 'def' | 'written' | 'placeholder' | 'onCommit'> & { describedBy: string | undefined; invalid: boolean }) {
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? (written === '' ? '""' : (written ?? ''));
  const commit = () => {
    if (draft === null) return;
    setDraft(null);
    const typed = draft.trim();
    const value = typed === '' ? null : typed === '""' ? '' : typed;
    if (value === (written ?? null)) return;
    onCommit(value);
  };
  const numeric = def.type === 'uint' || def.type === 'port' || def.type === 'octal';
  return (
    <input
      id={id}
      type="text"
      spellCheck={false}
      autoComplete="off"
      inputMode={numeric ? 'numeric' : undefined}
      className={written !== undefined ? 'is-written' : undefined}
      value={shown}
      placeholder={placeholder}
      aria-invalid={invalid}
      aria-describedby={describedBy}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          commit();
        } else if (e.key === 'Escape') {
          setDraft(null);
        }
      }}
    />
  );
}

/** One setting row. */
export const SettingField = memo(function SettingField(props: SettingFieldProps) {
  const { id, def, written, placeholder, source, problems, extraDoc, onCommit } = props;
  const [help, setHelp] = useState(false);
  const errorId = problems.length > 0 ? problems.map((_, i) => `${id}-error-${i}`).join(' ') : undefined;
  const isSelect = def.type === 'bool' || def.type === 'enum';
  return (
    <div className={`field${written !== undefined ? ' is-written' : ''}${problems.length > 0 ? ' has-error' : ''}`}>
      <div className="field-label">
        <label htmlFor={id} className="field-key">{def.key}</label>
        <span className="field-type">{def.type}{def.unit ? ` · ${def.unit}` : ''}</span>
      </div>
      <div className="field-main">
        <div className="field-control">
          {isSelect ? (
            <SelectInput id={id} def={def} written={written} placeholder={placeholder} describedBy={errorId} onCommit={onCommit} />
          ) : (
            <TextInput id={id} def={def} written={written} placeholder={placeholder} describedBy={errorId} invalid={problems.length > 0} onCommit={onCommit} />
          )}
          {written !== undefined ? (
            <button type="button" className="icon-button tiny" aria-label={`Remove ${def.key} (use the default)`} title="Remove: use the default" onClick={() => onCommit(null)}>
              <Icon name="x" size={13} />
            </button>
          ) : <span className="icon-spacer" />}
          <button type="button" className="icon-button tiny" aria-label={`About ${def.key}`} aria-expanded={help} onClick={() => setHelp(!help)}>
            <Icon name="help" size={13} />
          </button>
        </div>
        <div className="field-source">{source}</div>
      </div>
      {problems.map((p, i) => (
        <p key={p} id={`${id}-error-${i}`} className="field-error"><Icon name="error" size={13} /> {p}</p>
      ))}
      {help ? (
        <div className="field-doc">
          <p>{def.doc}</p>
          {extraDoc ? <p>{extraDoc}</p> : null}
        </div>
      ) : null}
    </div>
  );
});
