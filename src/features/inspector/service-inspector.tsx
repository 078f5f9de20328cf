/**
 * The inspector for one service: its header and actions, the problems that
 * name it, its settings grouped by purpose, its listeners, and (2.4) other
 * settings written inside the block.
 *
 * @example <ServiceInspector service={service} />
 */
import { useCallback } from 'react';
import { catalogFor, setBlockSetting, type EffectiveListener, type EffectiveService, type SettingDef } from '../../core/index.ts';
import { selectAnalysis, selectDocument, selectServiceProblems } from '../../store/derived.ts';
import type { EditorState } from '../../store/editor-store.ts';
import { LARGE_TEXT_CHARS } from '../../store/limits.ts';
import { useEditor, useEditorStore } from '../../store/store-context.tsx';
import { AddListenerForm } from './add-listener-form.tsx';
import { fieldProblems, isFieldProblem, isListenerProblem } from './field-problems.ts';
import { ListenerCard } from './listener-card.tsx';
import { ServiceHeader } from './service-header.tsx';
import { SettingField } from './setting-field.tsx';
import { describeSource, effectivePlaceholder } from './value-source.ts';
import { writtenInBlock, type WrittenValue } from './written-values.ts';

const selectResolved = (s: EditorState) => selectAnalysis(s).resolved;
const selectProblems = (s: EditorState) => selectServiceProblems(s);
// Large texts: no second parse on the main thread; the loaded values are shown instead.
const selectDoc = (s: EditorState) => (s.text.length > LARGE_TEXT_CHARS ? null : selectDocument(s));

/** Values written for a block, from the loaded model (used for large texts). */
function loadedValues(values: Readonly<Record<string, { readonly text: string; readonly source: string; readonly at?: { readonly line: number } }>>): Map<string, WrittenValue> {
  const out = new Map<string, WrittenValue>();
  for (const [k, v] of Object.entries(values)) if (v.source === 'service' && v.at) out.set(k, { value: v.text, line: v.at.line });
  return out;
}

/** What is written for a listener. */
export function listenerWritten(doc: ReturnType<typeof selectDoc>, service: string, l: EffectiveListener): Map<string, WrittenValue> {
  return doc ? writtenInBlock(doc, { service, listener: { kind: l.kind, name: l.name } }) : loadedValues(l.values);
}

/** Setting groups, in the order an admin tunes them. */
const GROUPS: readonly { readonly title: string; readonly keys: readonly string[] }[] = [
  { title: 'Limits', keys: ['process_limit', 'client_limit', 'process_min_avail', 'service_count', 'restart_request_count', 'idle_kill', 'idle_kill_interval', 'vsz_limit'] },
  { title: 'Process', keys: ['type', 'protocol', 'executable'] },
  { title: 'Privileges', keys: ['user', 'group', 'privileged_group', 'extra_groups', 'chroot', 'drop_priv_before_exec'] },
];

function grouped(defs: readonly SettingDef[]): { title: string; defs: SettingDef[] }[] {
  const used = new Set<string>(['name']);
  const out = GROUPS.map((g) => {
    const ds = g.keys.map((k) => defs.find((d) => d.key === k)).filter((d): d is SettingDef => d !== undefined);
    for (const d of ds) used.add(d.key);
    return { title: g.title, defs: ds };
  });
  const rest = defs.filter((d) => !used.has(d.key));
  if (rest.length > 0) out.push({ title: 'Other', defs: rest });
  return out.filter((g) => g.defs.length > 0);
}

/** The inspector of one service. */
export function ServiceInspector({ service }: { service: EffectiveService }) {
  const store = useEditorStore();
  const resolved = useEditor(selectResolved);
  const problems = useEditor(selectProblems).get(service.name);
  const doc = useEditor(selectDoc);
  const diags = [...(problems?.errors ?? []), ...(problems?.warnings ?? [])];
  const catalog = catalogFor(resolved.version);
  const name = service.name;

  const commit = useCallback((key: string, value: string | null) => {
    const s = store.getState();
    const edits = setBlockSetting(selectDocument(s), { service: name }, key, value);
    s.applyEdits(edits, value === null ? `Remove ${name} ${key}` : `Set ${name} ${key} = ${value}`);
  }, [store, name]);

  const defs = catalog.serviceSettings();
  const groups = grouped(defs);
  const written = doc ? writtenInBlock(doc, { service: name }) : loadedValues(service.values);
  const listenerValues = service.listeners.map((l) => listenerWritten(doc, name, l));
  const fieldKeys = defs.map((d) => d.key);
  const general = diags.filter((d) => !fieldKeys.some((k) => isFieldProblem(d, name, k, written.get(k)?.line))
    && !service.listeners.some((l, i) => isListenerProblem(d, name, l.kind, new Map([...listenerValues[i]!].map(([k, w]) => [k, w.line])), l.at?.line)));
  const scoped = service.block ? [...service.block.scoped.values()] : [];

  return (
    <div className="service-inspector">
      <ServiceHeader service={service} problems={general} />
      {groups.map((g) => (
        <section key={g.title} className="inspector-group" aria-label={`${g.title} settings`}>
          <h4 className="group-title">{g.title}</h4>
          {g.defs.map((def) => {
            const v = service.values[def.key];
            const w = written.get(def.key);
            return (
              <SettingField
                key={def.key}
                id={`svc-${def.key}`}
                def={def}
                written={w?.value}
                placeholder={effectivePlaceholder(v, def, resolved)}
                source={w !== undefined && v?.source !== 'service' ? `written on line ${w.line}, not accepted` : describeSource(v, def, resolved)}
                problems={fieldProblems(diags, name, def.key, w?.line)}
                onCommit={(value) => commit(def.key, value)}
              />
            );
          })}
        </section>
      ))}
      {scoped.length > 0 ? (
        <section className="inspector-group" aria-label="Other settings in this block">
          <h4 className="group-title">Also written in this block</h4>
          <p className="group-note">2.4 accepts any global setting inside a service block and applies it to this service only.</p>
          <ul className="scoped-list">
            {scoped.map((w) => (
              <li key={w.key}><code>{w.key} = {w.raw}</code> <span className="muted">line {w.at.line}</span></li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="inspector-group" aria-label="Listeners">
        <h4 className="group-title">Listeners <span className="count">{service.listeners.length}</span></h4>
        {service.listeners.length === 0 ? <p className="group-note">This service has no listeners.</p> : null}
        {service.listeners.map((l, i) => (
          <ListenerCard key={`${l.kind} ${l.name}`} index={i} service={service} listener={l} written={listenerValues[i]!} catalog={catalog} diags={diags} />
        ))}
        <AddListenerForm service={service} />
      </section>
    </div>
  );
}
