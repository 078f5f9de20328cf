/**
 * The master's file-descriptor requirement (largest per-process client_limit)
 * against the `ulimit -n` typed in the panel; two fixes when it is short:
 * raise the field, or lower the client_limits above it (the card says which).
 *
 * @example <FdCard fd={budgets.fd} />
 */
import { useMemo, useState } from 'react';
import type { Budgets } from '../../core/index.ts';
import { BUDGET_DOCS } from '../../core/data/docs.ts';
import { Gauge } from '../../components/gauge.tsx';
import { Icon } from '../../components/icon.tsx';
import { selectAnalysis } from '../../store/derived.ts';
import type { EditorState } from '../../store/editor-store.ts';
import { useEditor, useEditorStore } from '../../store/store-context.tsx';
import { fdLowerFix } from './budget-fixes.ts';

const selectUlimit = (s: EditorState) => s.ulimit;
const selectText = (s: EditorState) => s.text;

/** The fd budget card. */
export function FdCard({ fd }: { fd: Budgets['fd'] }) {
  const store = useEditorStore();
  const ulimit = useEditor(selectUlimit);
  const analysis = useEditor(selectAnalysis);
  const text = useEditor(selectText);
  const [draft, setDraft] = useState<string | null>(null);
  const [help, setHelp] = useState(false);
  const ok = !(ulimit < fd.required);
  // checks the candidate text with the core: only worth doing when the budget is short
  const lower = useMemo(() => (ok ? null : fdLowerFix(analysis, text, ulimit)), [ok, analysis, text, ulimit]);
  const commit = () => {
    if (draft === null) return;
    const n = Number(draft);
    setDraft(null);
    if (Number.isInteger(n) && n > 0) store.getState().setUlimit(n);
  };
  const bad = draft !== null && !(Number.isInteger(Number(draft)) && Number(draft) > 0);
  return (
    <div role="group" aria-label="fd budget" className={`budget-card budget-${ok ? 'ok' : 'short'}`}>
      <div className="budget-title">
        <h3>fd budget</h3>
        <span className={`status-pill status-${ok ? 'ok' : 'short'}`}>{ok ? 'fits' : `short by ${fd.required - ulimit}`}</span>
        <button type="button" className="icon-button tiny" aria-label="About the fd budget" aria-expanded={help} onClick={() => setHelp(!help)}>
          <Icon name="help" size={13} />
        </button>
      </div>
      <div className="budget-numbers">
        <label className="metric ulimit-field">
          <span className="metric-key">ulimit -n</span>
          <input
            type="number"
            min={1}
            inputMode="numeric"
            value={draft ?? String(ulimit)}
            aria-invalid={bad}
            onChange={(e) => setDraft(e.target.value)}
            onBlur={commit}
            onKeyDown={(e) => {
              if (e.key === 'Enter') commit();
              if (e.key === 'Escape') setDraft(null);
            }}
          />
        </label>
        <span className="metric"><span className="metric-key">required</span> <span className="metric-value">{fd.required}</span></span>
      </div>
      <Gauge label="fd budget use" value={fd.required} max={ulimit} />
      {help ? (
        <div className="budget-help">
          <p>{BUDGET_DOCS.fd.summary}</p>
          <p>{BUDGET_DOCS.fd.rule}</p>
          <p className="muted">{BUDGET_DOCS.fd.checkedBy}</p>
        </div>
      ) : null}
      {!ok ? (
        <div className="fix fix-stack">
          <button type="button" className="button primary" onClick={() => store.getState().setUlimit(fd.required)}>
            Raise ulimit -n to {fd.required}
          </button>
          {lower ? (
            <>
              <button type="button" className="button" onClick={() => store.getState().applyEditSteps(lower.steps, lower.label)}>
                {lower.label}
              </button>
              {lower.note ? <span className="fix-note">{lower.note}</span> : null}
            </>
          ) : null}
          <span className="fix-note">Raise it with LimitNOFILE= in the dovecot systemd unit (or ulimit -n before starting dovecot).</span>
        </div>
      ) : null}
      <p className="budget-source">
        <span className="metric-key">client_limit</span> <span className="metric-value">{fd.required}</span> is the largest, from{' '}
        {fd.sourceService ? (
          <button type="button" className="link" onClick={() => store.getState().select(fd.sourceService)}>{fd.source}</button>
        ) : (
          <code>{fd.source}</code>
        )}
        <span className="muted"> · checked by the master at startup, not by doveconf</span>
      </p>
    </div>
  );
}
