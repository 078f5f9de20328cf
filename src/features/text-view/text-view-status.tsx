/**
 * One line above the editor saying what doveconf makes of the text: it
 * stops while reading it, it would refuse it, or it accepts it with so many
 * warnings.
 *
 * @example <TextViewStatus />
 */
import { useShallow } from 'zustand/react/shallow';
import { selectAnalysis } from '../../store/derived.ts';
import type { EditorState } from '../../store/editor-store.ts';
import { useEditor } from '../../store/store-context.tsx';

interface Status {
  readonly parseErrors: number;
  readonly errors: number;
  readonly warnings: number;
  readonly first: string;
  readonly firstLine: number;
  readonly version: string;
  readonly fileName: string;
}

const selectStatus = (s: EditorState): Status => {
  const a = selectAnalysis(s);
  const first = a.errors[0];
  return {
    parseErrors: a.loaded.errors.length,
    errors: a.allErrors.length,
    warnings: a.warnings.length,
    first: first?.message ?? '',
    firstLine: first?.line ?? 0,
    version: s.version,
    fileName: s.fileName,
  };
};

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The verdict line of the text view. */
export function TextViewStatus() {
  const st = useEditor(useShallow(selectStatus));
  const where = st.firstLine > 0 ? `line ${st.firstLine}: ` : '';
  let state: 'parse' | 'error' | 'warning' | 'ok';
  let text: string;
  if (st.parseErrors > 0) {
    state = 'parse';
    text = `doveconf stops at ${where}${st.first}${st.parseErrors > 1 ? ` (+${st.parseErrors - 1} more while reading)` : ''}. Your text is kept as typed.`;
  } else if (st.errors > 0) {
    state = 'error';
    text = `doveconf refuses it: ${st.first}${st.errors > 1 ? ` (+${st.errors - 1} more)` : ''}`;
  } else if (st.warnings > 0) {
    state = 'warning';
    text = `doveconf accepts it with ${plural(st.warnings, 'warning')} (see the markers; F8 jumps to the next).`;
  } else {
    state = 'ok';
    text = 'doveconf accepts it without warnings.';
  }
  return (
    <div className="text-view-status" data-state={state}>
      <span role="status" className="text-view-verdict">{text}</span>
      <span className="text-view-file">
        Dovecot {st.version} · {st.fileName}
      </span>
    </div>
  );
}
