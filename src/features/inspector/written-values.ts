/**
 * What the text says inside a service or listener block, read off the syntax
 * tree rather than the loaded model: doveconf drops a value it cannot parse,
 * but the inspector must show it as the user typed it, next to doveconf's
 * message. Same-name blocks merge and the last value wins, as in Dovecot.
 *
 * @example writtenInBlock(doc, { service: 'imap-login' }).get('process_limit'); // { value: '12x', line: 5 }
 */
import type { BlockPath, ConfigDocument, ConfigNode } from '../../core/index.ts';
import { findSections } from '../../core/syntax/edit.ts';

/** A value as written, with the line doveconf names for it. */
export interface WrittenValue {
  readonly value: string;
  readonly line: number;
}

/** Every key written in the block(s) at `path`. */
export function writtenInBlock(doc: ConfigDocument, path: BlockPath): Map<string, WrittenValue> {
  let blocks = findSections(doc.children, 'service', path.service);
  if (path.listener !== undefined) {
    const { kind, name } = path.listener;
    blocks = blocks.flatMap((b) => findSections(b.children as ConfigNode[], kind, name));
  }
  const out = new Map<string, WrittenValue>();
  for (const b of blocks) {
    for (const n of b.children) if (n.kind === 'assign') out.set(n.key, { value: n.value, line: n.lastLine });
  }
  return out;
}
