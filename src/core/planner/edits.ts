/**
 * Turns planned settings into minimal text edits against the current text,
 * all computed on the same syntax tree so they apply together as one undo
 * step: `setBlockSetting` where the service already has a block, one
 * `addBlock` per service that has none, `setGlobal` for `protocols`.
 *
 * @example
 *   const edits = planEdits(doc, [{ service: 'imap-login', key: 'process_limit', value: '8' }], null);
 *   applyEdits(doc.text, edits);
 */
import { addBlock, applyEdits, findSections, setBlockSetting, setGlobal, type TextEdit } from '../syntax/edit.ts';
import type { ConfigDocument } from '../syntax/parse.ts';

/** One setting to write. */
export interface SettingWrite {
  readonly service: string;
  readonly key: string;
  readonly value: string;
}

/**
 * Joins pure insertions at the same offset into one edit, in list order, so
 * their lines come out in the order they were planned.
 *
 * @example mergeInsertions([{ start: 3, end: 3, text: 'a' }, { start: 3, end: 3, text: 'b' }]); // [{ start: 3, end: 3, text: 'ab' }]
 */
export function mergeInsertions(edits: readonly TextEdit[]): TextEdit[] {
  const out: TextEdit[] = [];
  for (const e of edits) {
    const same = e.start === e.end ? out.findIndex((o) => o.start === e.start && o.end === e.start) : -1;
    if (same === -1) out.push(e);
    else out[same] = { start: e.start, end: e.end, text: out[same]!.text + e.text };
  }
  return out;
}

/**
 * Edits writing every setting (services grouped in first-seen order) and, when
 * `protocols` is not null, the new `protocols` value.
 *
 * @example planEdits(doc, writes, 'imap lmtp').length;
 */
export function planEdits(doc: ConfigDocument, writes: readonly SettingWrite[], protocols: string | null): TextEdit[] {
  const edits: TextEdit[] = [];
  if (protocols !== null) edits.push(...setGlobal(doc, 'protocols', protocols));
  const byService = new Map<string, SettingWrite[]>();
  for (const w of writes) byService.set(w.service, [...(byService.get(w.service) ?? []), w]);
  for (const [service, list] of byService) {
    if (findSections(doc.children, 'service', service).length > 0) {
      for (const w of list) edits.push(...setBlockSetting(doc, { service }, w.key, w.value));
    } else {
      edits.push(...addBlock(doc, { service }, Object.fromEntries(list.map((w) => [w.key, w.value]))));
    }
  }
  return mergeInsertions(edits);
}

/**
 * The text after the edits.
 *
 * @example textAfter(doc, planEdits(doc, writes, null));
 */
export function textAfter(doc: ConfigDocument, edits: readonly TextEdit[]): string {
  return applyEdits(doc.text, edits);
}
