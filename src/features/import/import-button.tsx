/**
 * The file picker: a button-styled label over a visually hidden file input
 * named "Import configuration".
 *
 * @example <ImportButton />
 */
import { Icon } from '../../components/icon.tsx';
import { useEditorStore } from '../../store/store-context.tsx';
import { importFile } from './import-job.ts';

/** The import button. */
export function ImportButton() {
  const store = useEditorStore();
  return (
    <label className="button toolbar-button" title="Import a dovecot.conf or 10-master.conf (or drop one on the window)">
      <Icon name="upload" />
      <span>Import</span>
      <input
        className="visually-hidden"
        type="file"
        aria-label="Import configuration"
        accept=".conf,.ext,.txt,text/plain,*/*"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void importFile(store, file);
        }}
      />
    </label>
  );
}
