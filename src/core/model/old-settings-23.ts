/**
 * doveconf 2.3's rewriting of Dovecot 1.x/2.0 settings (src/config/old-set-parser.c
 * @ 2.3.19.1): each obsolete line prints `Obsolete setting in FILE:LINE: ...`
 * (the first one preceded by the `NOTE:` line) and is applied as its modern
 * equivalent, e.g. `login_max_processes_count = 64` becomes
 * `service imap-login { process_limit = 64 }` (and pop3-login, managesieve-login),
 * and `auth default { socket listen { client { path = ... } } }` becomes a
 * unix_listener of service auth.
 *
 * @example
 *   const old = new OldSettings23();
 *   old.handle(state, line); // true when the line was consumed
 */
import type { FilterState } from './filters.ts';
import type { Line, LoadState } from './load-state.ts';
import { applyAssign23, applyPath23, applyRoot23, pathPrefix23, sectionBegin23 } from './load-23.ts';

interface SocketSet {
  path?: string;
  mode?: string;
  user?: string;
  group?: string;
  master: boolean;
}

const REMOVED = new Set(['login_dir', 'dbox_rotate_min_size', 'dbox_rotate_days', 'director_consistent_hashing', 'mail_log_max_lines_per_sec', 'maildir_copy_preserve_filename']);
const SSL_VERSIONS = ['SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2'];

function isIp(a: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(a) || (/^[0-9a-fA-F:.]+$/.test(a) && a.includes(':'));
}

function listenHasPort(str: string): boolean {
  if (!str.includes(':')) return false;
  return str.split(/[ ,]+/).filter((x) => x !== '').some((a) => a !== '*' && a !== '::' && a !== '[::]' && !isIp(a));
}

/** config_filter_match(filter, {service: proto}): the filter applies to that protocol. */
function matchesProtocol(f: FilterState, proto: string): boolean {
  if (f.localName !== null || (f.local?.bits ?? 0) > 0 || (f.remote?.bits ?? 0) > 0) return false;
  if (f.protocol === null) return true;
  return f.protocol.startsWith('!') ? f.protocol.slice(1) !== proto : f.protocol === proto;
}

function isRootFilter(f: FilterState): boolean {
  return f.protocol === null && f.localName === null && (f.local?.bits ?? 0) === 0 && (f.remote?.bits ?? 0) === 0;
}

function minProtocol(value: string): string | null {
  const protos = SSL_VERSIONS.map(() => 0);
  let explicit = false;
  for (const raw of value.split(/[ ,]+/).filter((x) => x !== '')) {
    const enable = !raw.startsWith('!');
    const i = SSL_VERSIONS.indexOf(enable ? raw : raw.slice(1));
    if (i === -1) return null;
    protos[i] = enable ? 1 : -1;
    if (enable) explicit = true;
  }
  const i = protos.findIndex((p) => (explicit ? p > 0 : p === 0));
  return i === -1 ? null : SSL_VERSIONS[i]!;
}

/** State of the obsolete-settings rewriter for one load. */
export class OldSettings23 {
  baseDir = '/run/dovecot';
  /** 1 inside `auth {}`, more inside its sections. */
  authSection = 0;
  /** 1 inside `socket listen {}`, 2 inside its `master {}`/`client {}`. */
  socketListen = 0;
  socket: SocketSet = { master: false };
  private noted = false;

  private obsolete(s: LoadState, line: Line, text: string): void {
    if (!this.noted) {
      s.warn('obsolete-setting', 'NOTE: You can get a new clean config file with: doveconf -Pn > dovecot-new.conf', line.at);
      this.noted = true;
    }
    s.warn('obsolete-setting', `Obsolete setting in ${line.at.file}:${line.at.line}: ${text}`, line.at);
  }

  /** Applies a path key at the root (old-set-parser's config_apply_line). */
  private root(s: LoadState, key: string, value: string, line: Line): void {
    applyPath23(s, s.rootScope, key, value, line);
  }

  /**
   * Applies the rewritten line to imap, pop3 and managesieve services as the
   * filter allows. doveconf clears its error after the managesieve one (Pigeonhole
   * may be missing), which also drops errors of the imap/pop3 ones.
   */
  private protoSet(s: LoadState, line: Line, f: FilterState, paths: readonly [string, string, string], value: string): void {
    const errors = s.cfg.errors.length;
    const before = s.cfg.warningsBeforeError;
    if (matchesProtocol(f, 'imap')) this.root(s, paths[0], value, line);
    if (matchesProtocol(f, 'pop3')) this.root(s, paths[1], value, line);
    if (matchesProtocol(f, 'sieve')) {
      this.root(s, paths[2], value, line);
      s.cfg.errors.length = errors;
      s.cfg.warningsBeforeError = before;
    }
  }

  private loginSet(s: LoadState, line: Line, f: FilterState, oldKey: string, key: string, value: string): void {
    this.obsolete(s, line, `${oldKey} has been replaced by service { ${key} }`);
    this.protoSet(s, line, f, [`service/imap-login/${key}`, `service/pop3-login/${key}`, `service/managesieve-login/${key}`], value);
  }

  private mailSet(s: LoadState, line: Line, f: FilterState, oldKey: string, key: string, value: string): void {
    this.obsolete(s, line, `${oldKey} has been replaced by service { ${key} }`);
    this.protoSet(s, line, f, [`service/imap/${key}`, `service/pop3/${key}`, `service/managesieve/${key}`], value);
  }

  private authSet(s: LoadState, line: Line, oldKey: string, key: string, value: string): void {
    this.obsolete(s, line, `${oldKey} has been replaced by service auth { ${key} }`);
    this.root(s, `service/auth/${key}`, value, line);
  }

  /** Applies `key = value` as a normal line in the current section. */
  private apply(s: LoadState, key: string, value: string, line: Line, kind: 'value' | 'file' = 'value'): void {
    applyAssign23(s, kind, key, value, line);
  }

  private proto(s: LoadState, key0: string, value0: string, line: Line): boolean {
    const f = s.scope.filter;
    const root = isRootFilter(f);
    let key = key0;
    let value = value0;
    if (key === 'ssl_listen' || (key === 'listen' && (listenHasPort(value) || !root))) {
      const ssl = key === 'ssl_listen' ? 's' : '';
      if (value === '') return true;
      const p = value.lastIndexOf(':');
      if (p !== -1 && listenHasPort(value)) {
        this.obsolete(s, line, `${key}=..:port has been replaced by service { inet_listener { port } }`);
        const port = value.slice(p + 1);
        value = value.slice(0, p);
        const paths = [`service/imap-login/inet_listener/imap${ssl}/port`, `service/pop3-login/inet_listener/pop3${ssl}/port`, 'service/managesieve-login/inet_listener/managesieve/port'] as const;
        if (ssl === '') this.protoSet(s, line, f, paths, port);
        else {
          if (matchesProtocol(f, 'imap')) this.root(s, paths[0], port, line);
          if (matchesProtocol(f, 'pop3')) this.root(s, paths[1], port, line);
        }
      }
      if (root && ssl === '') {
        this.apply(s, key, value, line);
      } else {
        this.obsolete(s, line, `protocol { ${key} } has been replaced by service { inet_listener { address } }`);
        const paths = [`service/imap-login/inet_listener/imap${ssl}/address`, `service/pop3-login/inet_listener/pop3${ssl}/address`, 'service/managesieve-login/inet_listener/managesieve/address'] as const;
        if (ssl === '') this.protoSet(s, line, f, paths, value);
        else {
          if (matchesProtocol(f, 'imap')) this.root(s, paths[0], value, line);
          if (matchesProtocol(f, 'pop3')) this.root(s, paths[1], value, line);
        }
      }
      return true;
    }
    const login: Record<string, [string, (v: string) => string]> = {
      login_chroot: ['chroot', (v) => (v === 'no' ? '' : 'login')],
      login_user: ['user', (v) => v],
      login_executable: ['executable', (v) => v],
      login_process_size: ['vsz_limit', (v) => `${v} M`],
      login_process_per_connection: ['service_count', (v) => (v === 'no' ? '0' : '1')],
      login_processes_count: ['process_min_avail', (v) => v],
      login_max_processes_count: ['process_limit', (v) => v],
      login_max_connections: ['client_limit', (v) => v],
    };
    const l = login[key];
    if (l !== undefined) {
      this.loginSet(s, line, f, key, l[0], l[1](value));
      return true;
    }
    const mail: Record<string, [string, (v: string) => string]> = {
      max_mail_processes: ['process_limit', (v) => v],
      mail_executable: ['executable', (v) => v],
      mail_process_size: ['vsz_limit', (v) => `${v} M`],
      mail_drop_priv_before_exec: ['drop_priv_before_exec', (v) => v],
    };
    const m = mail[key];
    if (m !== undefined) {
      this.mailSet(s, line, f, key, m[0], m[1](value));
      return true;
    }
    if (this.authSection === 1 && !key.startsWith('auth_')) key = `auth_${key}`;
    const auth: Record<string, [string, (v: string) => string]> = {
      auth_executable: ['executable', (v) => v],
      auth_process_size: ['vsz_limit', (v) => `${v} M`],
      auth_user: ['user', (v) => v],
      auth_chroot: ['chroot', (v) => v],
    };
    const a = auth[key];
    if (a !== undefined) {
      this.authSet(s, line, key, a[0], a[1](value));
      return true;
    }
    if (key === 'auth_cache_size' && /^[0-9]+$/.test(value) && Number(value) > 0 && Number(value) < 1024) {
      this.obsolete(s, line, `auth_cache_size value no longer defaults to megabytes. Use ${value}M`);
      applyRoot23(s, s.rootScope, key, `${value}M`, line);
      return true;
    }
    if (key === 'auth_count') {
      this.obsolete(s, line, value === 'count' ? 'auth_count has been removed' : 'auth_count has been removed, and its value must be 1');
      return true;
    }
    if (this.socketListen === 2 && (key === 'path' || key === 'mode' || key === 'user' || key === 'group')) {
      this.socket[key] = value;
      return true;
    }
    return false;
  }

  private rootKey(s: LoadState, key0: string, value0: string, line: Line): boolean {
    let key = key0;
    let value = value0;
    if (key === 'base_dir') this.baseDir = value.endsWith('/') ? value.slice(0, -1) : value;
    if (key === 'protocols') {
      let haveImap = false;
      let haveImaps = false;
      let havePop3 = false;
      let havePop3s = false;
      const words = value.split(' ').filter((w) => w !== '').map((w) => {
        if (w === 'imap') haveImap = true;
        else if (w === 'imaps') {
          haveImaps = true;
          return '';
        } else if (w === 'pop3') havePop3 = true;
        else if (w === 'pop3s') {
          havePop3s = true;
          return '';
        } else if (w === 'managesieve') {
          this.obsolete(s, line, 'protocols=managesieve has been renamed to protocols=sieve');
          return 'sieve';
        }
        return w;
      });
      value = words.filter((w) => w !== '').join(' ');
      if (haveImaps && !haveImap) {
        this.obsolete(s, line, "'imaps' protocol can no longer be specified (use protocols=imap). to disable non-ssl imap, use service imap-login { inet_listener imap { port=0 } }");
        value = `${value} imap`;
        this.root(s, 'service/imap-login/inet_listener/imap/port', '0', line);
      } else if (haveImaps) this.obsolete(s, line, "'imaps' protocol is no longer necessary, remove it");
      if (havePop3s && !havePop3) {
        this.obsolete(s, line, "'pop3s' protocol can no longer be specified (use protocols=pop3). to disable non-ssl pop3, use service pop3-login { inet_listener pop3 { port=0 } }");
        value = `${value} pop3`;
        this.root(s, 'service/pop3-login/inet_listener/pop3/port', '0', line);
      } else if (havePop3s) this.obsolete(s, line, "'pop3s' protocol is no longer necessary, remove it");
      if (value.startsWith(' ')) value = value.slice(1);
      this.apply(s, key, value, line);
      return true;
    }
    if (key === 'ssl_cert_file' || key === 'ssl_key_file' || key === 'ssl_ca_file') {
      if (value === '') return true;
      const p = key.slice(0, key.lastIndexOf('_'));
      this.obsolete(s, line, `${key} has been replaced by ${p} = <file`);
      this.apply(s, p, value, line, 'file');
      return true;
    }
    const rename = (newKey: string, v: string): boolean => {
      this.obsolete(s, line, `${key} has been renamed to ${newKey}`);
      this.apply(s, newKey, v, line);
      return true;
    };
    if (key === 'ssl_disable') {
      const l = value.toLowerCase();
      return rename('ssl', l === 'yes' ? 'no' : l === 'no' ? 'yes' : value);
    }
    if (key === 'ssl_parameters_regenerate' || key === 'ssl_dh_parameters_length') {
      this.obsolete(s, line, `${key} is no longer needed`);
      return true;
    }
    if (key === 'ssl_protocols') {
      this.obsolete(s, line, `${key} has been replaced by ssl_min_protocol`);
      const min = minProtocol(value);
      if (min !== null) this.apply(s, 'ssl_min_protocol', min, line);
      return true;
    }
    if (key === 'sieve' || key === 'sieve_storage') {
      this.obsolete(s, line, key === 'sieve_storage' ? 'sieve_storage has been moved into plugin { sieve_dir }' : `${key} has been moved into plugin {} section`);
      return true;
    }
    if (key === 'fsync_disable') {
      const l = value.toLowerCase();
      return rename('mail_fsync', l === 'yes' ? 'never' : l === 'no' ? 'optimized' : value);
    }
    if (key === 'dbox_rotate_size') return rename('mdbox_rotate_size', value);
    if (key.startsWith('mail_cache_compress_')) return rename(`mail_cache_purge_${key.slice(20)}`, value);
    if (key === 'imap_client_workarounds') {
      const args = value.split(/[ ,]+/).filter((w) => w !== '').map((w) => {
        if (w === 'outlook-idle') {
          this.obsolete(s, line, 'imap_client_workarounds=outlook-idle is no longer necessary');
          return '';
        }
        if (w === 'netscape-eoh') {
          this.obsolete(s, line, 'imap_client_workarounds=netscape-eoh is no longer supported');
          return '';
        }
        return w;
      });
      this.apply(s, key, args.join(' '), line);
      return true;
    }
    if (REMOVED.has(key)) {
      this.obsolete(s, line, `${key} has been removed`);
      return true;
    }
    if (this.authSection === 1) {
      if (!key.startsWith('auth_')) key = `auth_${key}`;
      this.apply(s, key, value, line);
      return true;
    }
    return false;
  }

  private authSectionBegin(s: LoadState, key: string, value: string, line: Line): boolean {
    this.socket = { master: false };
    this.authSection++;
    if ((key === 'passdb' || key === 'userdb') && this.authSection === 2) {
      this.obsolete(s, line, `${key} ${value} {} has been replaced by ${key} { driver=${value} }`);
      sectionBegin23(s, key, '', line);
      if (!s.failed) this.apply(s, 'driver', value, line);
      return true;
    }
    if (key === 'socket' && this.authSection === 2) {
      if (value === 'connect') {
        this.obsolete(s, line, 'socket connect {} is no longer supported, configure external auth server separately');
        return false;
      }
      if (value !== 'listen') return false;
      this.socketListen++;
      return true;
    }
    if (this.socketListen > 0) this.socketListen++;
    if ((key === 'master' || key === 'client') && this.socketListen === 2) {
      this.socket.master = key === 'master';
      return true;
    }
    return false;
  }

  private socketApply(s: LoadState, line: Line): void {
    const set = this.socket;
    if (set.path === undefined) {
      s.diag('socket-listen', 'socket listen {} is missing path', line.at);
      return;
    }
    let path = set.path;
    if (path.startsWith(this.baseDir) && path[this.baseDir.length] === '/') path = path.slice(this.baseDir.length + 1);
    const masterSuffix = path.length >= 7 && (path.endsWith('-master') || path.endsWith('-userdb'));
    if (set.master && !masterSuffix) {
      s.diag('socket-listen', 'socket listen { master { path=.. } } must end with -master (or -userdb) suffix', line.at);
      return;
    }
    if (!set.master && masterSuffix) {
      s.diag('socket-listen', 'socket listen { client { path=.. } } must end not with -master or -userdb suffix', line.at);
      return;
    }
    const svc = s.service(s.rootScope, 'auth', line.at, false);
    s.listener(svc, 'unix_listener', path, path, line.at);
    const prefix = `service/auth/unix_listener/${path}`;
    if (set.mode !== undefined) this.root(s, `${prefix}/mode`, set.mode, line);
    if (set.user !== undefined) this.root(s, `${prefix}/user`, set.user, line);
    if (set.group !== undefined) this.root(s, `${prefix}/group`, set.group, line);
    this.socket = { master: false };
  }

  /**
   * Handles a line the way old_settings_handle() does; true when consumed
   * (the normal parser then does not see it).
   */
  handle(s: LoadState, line: Line): boolean {
    const st = line.st;
    const atRoot = s.pathFrame.kind === 'root' || s.pathFrame.kind === 'filter';
    switch (st.type) {
      case 'assign':
        if (st.form !== 'plain' && st.form !== 'quoted') return false;
        if (atRoot) return this.proto(s, st.key, st.value, line) || this.rootKey(s, st.key, st.value, line);
        if (pathPrefix23(s) === 'plugin/0/' && st.key === 'imap_zlib_compress_level') {
          this.obsolete(s, line, `${st.key} has been replaced by imap_compress_deflate_level`);
          return true;
        }
        return false;
      case 'section-open':
        if (this.authSection > 0) return this.authSectionBegin(s, st.name, st.value, line);
        if (atRoot && st.name === 'auth') {
          this.obsolete(s, line, 'add auth_ prefix to all settings inside auth {} and remove the auth {} section completely');
          this.authSection = 1;
          return true;
        }
        if (atRoot && st.name === 'protocol' && st.value === 'managesieve') {
          this.obsolete(s, line, 'protocol managesieve {} has been replaced by protocol sieve { }');
          sectionBegin23(s, 'protocol', 'sieve', line);
          return true;
        }
        if (atRoot && st.name === 'service' && st.value === 'dns_client') {
          this.obsolete(s, line, 'service dns_client {} has been replaced by service dns-client { }');
          sectionBegin23(s, 'service', 'dns-client', line);
          return true;
        }
        return false;
      case 'section-close':
        if (this.authSection > 0 && --this.authSection === 0) return true;
        if (this.socketListen > 0) {
          if (this.socketListen === 2) this.socketApply(s, line);
          this.socketListen--;
          return true;
        }
        return false;
      default:
        return false;
    }
  }
}
