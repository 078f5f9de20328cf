/**
 * One listener of the inspected service: every listener setting of its kind
 * (from the version's catalog), what its type means to the service, and the
 * rename/remove actions for listeners written in the text.
 *
 * @example <ListenerCard index={0} service={service} listener={service.listeners[0]} catalog={catalog} diags={diags} />
 */
import { useEffect, useRef, useState } from 'react';
import { removeBlock, renameBlock, setBlockSetting, type Diagnostic, type EffectiveListener, type EffectiveService, type VersionCatalog } from '../../core/index.ts';
import { LISTENER_TYPE_DOCS } from '../../core/data/docs.ts';
import { Icon } from '../../components/icon.tsx';
import { selectAnalysis, selectDocument } from '../../store/derived.ts';
import type { EditorState } from '../../store/editor-store.ts';
import { useEditor, useEditorStore } from '../../store/store-context.tsx';
import { fieldProblems, listenerProblems } from './field-problems.ts';
import { SettingField } from './setting-field.tsx';
import { describeSource, effectivePlaceholder } from './value-source.ts';
import type { WrittenValue } from './written-values.ts';

const selectResolved = (s: EditorState) => selectAnalysis(s).resolved;
const selectSelectedListener = (s: EditorState) => s.selectedListener;

/** A listener card. */
export function ListenerCard({ index, service, listener: l, written, catalog, diags }: {
  index: number;
  service: EffectiveService;
  listener: EffectiveListener;
  /** What the text writes in this listener's block(s). */
  written: ReadonlyMap<string, WrittenValue>;
  catalog: VersionCatalog;
  diags: readonly Diagnostic[];
}) {
  const store = useEditorStore();
  const resolved = useEditor(selectResolved);
  const selectedListener = useEditor(selectSelectedListener);
  const [renaming, setRenaming] = useState<string | null>(null);
  const box = useRef<HTMLFieldSetElement>(null);
  const chosen = selectedListener === l.name;
  useEffect(() => {
    if (chosen) box.current?.scrollIntoView({ block: 'nearest' });
  }, [chosen]);
  const path = { service: service.name, listener: { kind: l.kind, name: l.name } };
  const defs = catalog.listenerSettings(l.kind).filter((d) => d.key !== 'path' && d.key !== 'name');
  const typeDoc = LISTENER_TYPE_DOCS.find((d) => (d.service === service.name || d.service === '*') && d.type === l.connType && d.versions.includes(resolved.version));
  const own = listenerProblems(diags, service.name, l.kind, l.at?.line);

  const commit = (key: string, value: string | null) => {
    const s = store.getState();
    s.applyEdits(setBlockSetting(selectDocument(s), path, key, value), value === null ? `Remove ${service.name} ${l.name} ${key}` : `Set ${service.name} ${l.name} ${key} = ${value}`);
  };
  const remove = () => {
    const s = store.getState();
    s.applyEdits(removeBlock(selectDocument(s), path), l.builtin ? `Reset listener ${l.name} of ${service.name}` : `Remove listener ${l.name} from ${service.name}`);
  };
  const rename = () => {
    const to = renaming?.trim() ?? '';
    setRenaming(null);
    if (to === '' || to === l.name) return;
    const s = store.getState();
    s.applyEdits(renameBlock(selectDocument(s), path, to), `Rename listener ${l.name} of ${service.name} to ${to}`);
  };

  return (
    <fieldset ref={box} className={`insp-listener${l.disabled ? ' is-disabled' : ''}${chosen ? ' is-selected' : ''}`}>
      <legend>
        <span className="insp-listener-kind">{l.kind}</span> <span className="insp-listener-name">{l.name}</span>
      </legend>
      <div className="insp-listener-bar">
        <div className="badges">
          <span className="badge" title={resolved.version === '2.3' ? 'The service reads the type from the name after the last "-"' : 'Explicit type, or the name after the last "-"'}>
            type {l.connType || '—'}
          </span>
          {l.builtin ? <span className="badge">built-in</span> : <span className="badge badge-accent">added</span>}
          {l.written && l.builtin ? <span className="badge badge-accent">edited</span> : null}
          {l.disabled ? <span className="badge badge-off">{l.kind === 'inet_listener' ? 'port 0: off' : 'mode 0: off'}</span> : null}
        </div>
        {l.written ? (
          <div className="insp-listener-actions">
            {renaming === null ? (
              <button type="button" className="icon-button" aria-label={`Rename listener ${l.name}`} title="Rename" onClick={() => setRenaming(l.name)}>
                <Icon name="pencil" size={14} />
              </button>
            ) : null}
            <button type="button" className="icon-button" aria-label={l.builtin ? `Reset listener ${l.name} to its defaults` : `Remove listener ${l.name}`} title={l.builtin ? 'Reset to defaults' : 'Remove'} onClick={remove}>
              <Icon name={l.builtin ? 'reset' : 'trash'} size={14} />
            </button>
          </div>
        ) : null}
      </div>
      {renaming !== null ? (
        <input
          className="rename-input"
          aria-label={`New name for listener ${l.name}`}
          value={renaming}
          autoFocus
          onChange={(e) => setRenaming(e.target.value)}
          onBlur={rename}
          onKeyDown={(e) => {
            if (e.key === 'Enter') rename();
            if (e.key === 'Escape') setRenaming(null);
          }}
        />
      ) : null}
      {typeDoc ? <p className="insp-listener-doc">{typeDoc.doc}</p> : null}
      {own.map((p) => <p key={p} className="field-error"><Icon name="error" size={13} /> {p}</p>)}
      {defs.map((def) => {
        const v = l.values[def.key];
        const w = written.get(def.key);
        return (
          <SettingField
            key={def.key}
            id={`lst-${index}-${def.key}`}
            def={def}
            written={w?.value}
            placeholder={effectivePlaceholder(v, def, resolved)}
            source={w !== undefined && v?.source !== 'service' ? `written on line ${w.line}, not accepted` : describeSource(v, def, resolved)}
            problems={fieldProblems(diags, service.name, def.key, w?.line)}
            onCommit={(value) => commit(def.key, value)}
          />
        );
      })}
    </fieldset>
  );
}
