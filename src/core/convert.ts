/**
 * Converts the service part of a configuration between 2.3 and 2.4 with
 * minimal text edits (comments and layout stay): `service_count` ⇄
 * `restart_request_count`, `idle_kill` ⇄ `idle_kill_interval`, inet listener
 * `address` ⇄ `listen`, 0 ⇄ `unlimited`, `$default_*` ⇄ `$SET:default_*`,
 * `default_idle_kill` ⇄ `default_idle_kill_interval`, and the 2.4 version
 * lines. Whatever has no equivalent is reported, never silently dropped.
 *
 * @example
 *   const r = convertConfig(text, '2.3', '2.4');
 *   r.text;   // converted file
 *   r.notes;  // [{ line: 12, message: 'service director does not exist in 2.4 ...' }]
 */
import type { DovecotVersion } from './data/types.ts';
import { parseConfig, type AssignNode, type ConfigNode, type SectionNode } from './syntax/parse.ts';
import { applyEdits, type TextEdit } from './syntax/edit.ts';
import { GLOBALS_23 } from './data/globals.ts';
import { SERVICES_24 } from './data/services-2.4.ts';

/** Something the conversion changed or could not carry over. */
export interface ConversionNote {
  readonly line: number;
  readonly kind: 'changed' | 'removed' | 'unconvertible';
  readonly message: string;
}

/** Result of a conversion. */
export interface ConversionResult {
  readonly text: string;
  readonly notes: readonly ConversionNote[];
}

const REMOVED_IN_24 = new Set(['aggregator', 'director', 'ipc', 'old-stats', 'replicator', 'tcpwrap']);
const VERSION_LINE = 'dovecot_config_version = 2.4.1';
const STORAGE_LINE = 'dovecot_storage_version = 2.4.1';

function eol(text: string): string {
  return /\r\n/.test(text) ? '\r\n' : '\n';
}

function replaceKey(n: AssignNode, key: string): TextEdit {
  return { start: n.keySpan.start, end: n.keySpan.end, text: key };
}

function replaceVal(n: AssignNode, value: string): TextEdit {
  return { start: n.valueSpan.start, end: n.valueSpan.end, text: value };
}

function drop(n: ConfigNode): TextEdit {
  return { start: n.span.start, end: n.span.end, text: '' };
}

function convertUserRefs(value: string, to: DovecotVersion): string {
  return to === '2.4'
    ? value.replace(/(^|[\s,])\$(default_(?:internal_user|internal_group|login_user))\b/g, '$1$SET:$2')
    : value.replace(/\$SET:(default_[a-z_]+)/g, '$$$1');
}

/**
 * Converts a configuration text from one version's syntax to the other's.
 *
 * @example convertConfig('service imap-login {\n  service_count = 0\n}\n', '2.3', '2.4').text;
 */
export function convertConfig(text: string, from: DovecotVersion, to: DovecotVersion): ConversionResult {
  if (from === to) return { text, notes: [] };
  const { doc } = parseConfig(text, from);
  const edits: TextEdit[] = [];
  const notes: ConversionNote[] = [];
  const note = (n: ConfigNode, kind: ConversionNote['kind'], message: string): void => {
    notes.push({ line: n.line, kind, message });
  };
  const up = to === '2.4';
  // the root default_* values as written (2.3 `0` in a service means "this global")
  const rootValue = (key: string): string => {
    const nodes = doc.children.filter((c): c is AssignNode => c.kind === 'assign' && c.key === key);
    return nodes[nodes.length - 1]?.value ?? GLOBALS_23.find((g) => g.key === key)?.default ?? '';
  };
  /**
   * 2.3 `KEY = 0` means the default_* global; 2.4 rejects 0. Without the line, 2.4
   * gives a built-in service its own value (imap client_limit 1, stats idle infinite),
   * so the global's value is written instead; otherwise the line is removed.
   */
  const zeroToDefault = (n: AssignNode, svc: string, key24: string, global: string): void => {
    const builtin = SERVICES_24.find((s) => s.name === svc)?.settings[key24];
    // an earlier value of the same service would come back if the line were removed
    if (builtin === undefined && !written.has(`${svc}\0${n.key}`)) {
      edits.push(drop(n));
      note(n, 'removed', `service ${svc}: ${n.key} = 0 meant "${global}" in 2.3; removed (2.4 rejects 0 and uses ${global} for this service)`);
      return;
    }
    const value = rootValue(global);
    if (n.key !== key24) edits.push(replaceKey(n, key24));
    edits.push(replaceVal(n, value));
    note(n, 'changed', `service ${svc}: ${n.key} = 0 meant "${global}" in 2.3; written as ${key24} = ${value} (2.4 rejects 0${builtin === undefined ? '' : `, and without a value the service would use its own default ${builtin}`})`);
  };
  const written = new Set<string>();

  const serviceAssign = (n: AssignNode, svc: string): void => {
    serviceAssignInner(n, svc);
    written.add(`${svc}\0${n.key}`);
  };
  const serviceAssignInner = (n: AssignNode, svc: string): void => {
    const v = n.value;
    switch (n.key) {
      case 'service_count':
        if (up) {
          edits.push(replaceKey(n, 'restart_request_count'));
          if (v === '0') edits.push(replaceVal(n, 'unlimited'));
          note(n, 'changed', `service ${svc}: service_count → restart_request_count${v === '0' ? ' = unlimited' : ''}`);
        }
        return;
      case 'restart_request_count':
        if (!up) {
          edits.push(replaceKey(n, 'service_count'));
          if (v === 'unlimited' || v === 'infinite') edits.push(replaceVal(n, '0'));
          note(n, 'changed', `service ${svc}: restart_request_count → service_count`);
        }
        return;
      case 'idle_kill':
        if (up) {
          if (v === '0') zeroToDefault(n, svc, 'idle_kill_interval', 'default_idle_kill');
          else {
            edits.push(replaceKey(n, 'idle_kill_interval'));
            note(n, 'changed', `service ${svc}: idle_kill → idle_kill_interval`);
          }
        }
        return;
      case 'idle_kill_interval':
        if (!up) {
          edits.push(replaceKey(n, 'idle_kill'));
          if (v === 'infinite' || v === 'unlimited') edits.push(replaceVal(n, '4294967295 s'));
          note(n, 'changed', `service ${svc}: idle_kill_interval → idle_kill`);
        }
        return;
      case 'process_limit':
      case 'client_limit':
        if (up && v === '0') zeroToDefault(n, svc, n.key, `default_${n.key}`);
        else if (!up && (v === 'unlimited' || v === 'infinite')) {
          edits.push(replaceVal(n, '4294967295'));
          note(n, 'changed', `service ${svc}: ${n.key} = ${v} → 4294967295`);
        }
        return;
      case 'process_min_avail':
        if (!up && (v === 'unlimited' || v === 'infinite')) edits.push(replaceVal(n, '4294967295'));
        return;
      case 'vsz_limit':
        if (up && v === '0') {
          edits.push(replaceVal(n, 'unlimited'));
          note(n, 'changed', `service ${svc}: vsz_limit = 0 → unlimited`);
        } else if (!up && (v === 'unlimited' || v === 'infinite')) {
          edits.push(replaceVal(n, '0'));
          note(n, 'changed', `service ${svc}: vsz_limit = ${v} → 0 (unlimited in 2.3)`);
        }
        return;
      case 'user':
      case 'group':
      case 'extra_groups':
      case 'privileged_group': {
        const c = convertUserRefs(n.raw, to);
        if (c !== n.raw) edits.push(replaceVal(n, c));
        return;
      }
      default:
        if (!up && !['name', 'protocol', 'type', 'executable', 'chroot', 'drop_priv_before_exec'].includes(n.key)) {
          note(n, 'unconvertible', `service ${svc}: ${n.key} is a global setting scoped to the service (2.4 only); 2.3 rejects it`);
        }
    }
  };

  const listener = (sec: SectionNode, svc: string): void => {
    if (up && sec.value === '' && !sec.quoted) {
      const name = sec.name === 'inet_listener' ? svc : 'listener';
      edits.push({ start: sec.valueSpan.start, end: sec.valueSpan.start, text: `${name} ` });
      note(sec, 'changed', `service ${svc}: unnamed ${sec.name} named "${name}" (2.4 requires a name)`);
    }
    for (const n of sec.children) {
      if (n.kind !== 'assign') continue;
      if (up && n.key === 'address' && sec.name === 'inet_listener') {
        edits.push(replaceKey(n, 'listen'));
        if (n.value.includes(',')) edits.push(replaceVal(n, n.value.split(',').map((s) => s.trim()).filter(Boolean).join(' ')));
        note(n, 'changed', `service ${svc}: inet_listener ${sec.value} address → listen`);
      } else if (!up && n.key === 'listen' && sec.name === 'inet_listener') {
        edits.push(replaceKey(n, 'address'));
        edits.push(replaceVal(n, n.value.split(/[\s,]+/).filter(Boolean).join(', ')));
        note(n, 'changed', `service ${svc}: inet_listener ${sec.value} listen → address`);
      } else if (!up && n.key === 'type') {
        edits.push(drop(n));
        note(n, 'removed', `service ${svc}: ${sec.name} ${sec.value} type = ${n.value} removed (2.3 derives the type from the socket name)`);
      } else if (n.key === 'user' || n.key === 'group') {
        const c = convertUserRefs(n.raw, to);
        if (c !== n.raw) edits.push(replaceVal(n, c));
      }
    }
  };

  const walk = (nodes: readonly ConfigNode[], inFilter: boolean): void => {
    for (const n of nodes) {
      if (n.kind === 'assign') {
        if (up && n.key === 'default_idle_kill') {
          edits.push(replaceKey(n, 'default_idle_kill_interval'));
          note(n, 'changed', 'default_idle_kill → default_idle_kill_interval');
        } else if (!up && n.key === 'default_idle_kill_interval') {
          edits.push(replaceKey(n, 'default_idle_kill'));
          note(n, 'changed', 'default_idle_kill_interval → default_idle_kill');
        } else if (!up && (n.key === 'dovecot_config_version' || n.key === 'dovecot_storage_version')) {
          edits.push(drop(n));
          note(n, 'removed', `${n.key} removed (2.3 does not know it)`);
        } else if (!up && n.key.startsWith('service_') && n.key !== 'service_count') {
          note(n, 'unconvertible', `${n.key} applies to every service in 2.4; 2.3 has no equivalent (set it per service)`);
        } else if (n.key === 'protocols' && n.value.includes('$protocols') && up) {
          note(n, 'unconvertible', 'protocols = $protocols … is a 2.3 self-reference; in 2.4 write protocols { NAME = yes }');
        }
      } else if (n.kind === 'section') {
        if (n.name === 'service') {
          if (up && REMOVED_IN_24.has(n.value)) note(n, 'unconvertible', `service ${n.value} does not exist in 2.4; the block is kept but has no effect`);
          if (up && n.value === '' && !n.quoted) note(n, 'unconvertible', 'an unnamed service block is refused by 2.4');
          for (const c of n.children) {
            if (c.kind === 'assign') serviceAssign(c, n.value);
            else if (c.kind === 'section' && c.name.endsWith('_listener')) listener(c, n.value);
          }
        } else if (n.name === 'protocols' && !up) {
          note(n, 'unconvertible', 'protocols { NAME = yes } is 2.4 syntax; in 2.3 write protocols = $protocols NAME');
        } else if (['protocol', 'local', 'remote', 'local_name'].includes(n.name)) {
          walk(n.children, true);
        }
      }
    }
    void inFilter;
  };
  walk(doc.children, false);

  if (up && !doc.children.some((n) => n.kind === 'assign' && n.key === 'dovecot_config_version')) {
    const nl = eol(text);
    const first = doc.children.find((n) => n.kind !== 'trivia');
    const at = first ? first.span.start : text.length;
    const hasStorage = doc.children.some((n) => n.kind === 'assign' && n.key === 'dovecot_storage_version');
    edits.push({ start: at, end: at, text: `${VERSION_LINE}${nl}${hasStorage ? '' : `${STORAGE_LINE}${nl}`}` });
    notes.unshift({ line: 1, kind: 'changed', message: 'added the 2.4 version lines (dovecot_config_version must be the first setting)' });
  }
  return { text: applyEdits(text, edits), notes: notes.sort((a, b) => a.line - b.line) };
}
