/**
 * Which Dovecot release checks the text: detected from `dovecot_config_version`
 * (2.4) or its absence (2.3), or chosen here.
 *
 * @example <VersionSwitch />
 */
import { useShallow } from 'zustand/react/shallow';
import type { DovecotVersion } from '../../core/index.ts';
import { Segmented } from '../../components/segmented.tsx';
import { selectAnalysis } from '../../store/derived.ts';
import type { EditorState } from '../../store/editor-store.ts';
import { useEditor, useEditorStore } from '../../store/store-context.tsx';

const selectVersionState = (s: EditorState) => ({ version: s.version, source: s.versionSource });
const selectHasVersionLine = (s: EditorState) => selectAnalysis(s).loaded.configVersion;

const OPTIONS: readonly { value: DovecotVersion; label: string; title: string }[] = [
  { value: '2.3', label: '2.3', title: 'Check as Dovecot 2.3.19.1 (Debian 12)' },
  { value: '2.4', label: '2.4', title: 'Check as Dovecot 2.4.1 (Debian 13)' },
];

/** The version switch. */
export function VersionSwitch() {
  const store = useEditorStore();
  const { version, source } = useEditor(useShallow(selectVersionState));
  const configVersion = useEditor(selectHasVersionLine);
  const hint = source === 'detected'
    ? configVersion !== null ? `detected: dovecot_config_version = ${configVersion}` : 'detected: no dovecot_config_version line'
    : 'chosen by you';
  return (
    <div className="version-switch" title={hint}>
      <span className="control-label">Dovecot</span>
      <Segmented label="Dovecot version" value={version} options={OPTIONS} onChange={(v) => store.getState().setVersion(v)} />
      <span className="version-hint">{source === 'detected' ? 'detected' : 'chosen'}</span>
    </div>
  );
}
