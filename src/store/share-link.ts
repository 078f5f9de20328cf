/**
 * A share link carries the configuration in the URL hash: JSON of text, version
 * and file name, deflated (fflate) and written as base64url. Nothing leaves the
 * browser: the hash is never sent to a server.
 *
 * @example
 *   const hash = encodeShareHash({ text: 'protocols = imap\n', version: '2.3', fileName: 'dovecot.conf' });
 *   decodeShareHash(hash); // { ok: true, config: { text: 'protocols = imap\n', ... } }
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import type { DovecotVersion } from '../core/index.ts';

/** What a share link holds. */
export interface SharedConfig {
  readonly text: string;
  readonly version: DovecotVersion;
  readonly fileName: string;
}

/** Result of reading a hash. */
export type ShareDecode =
  | { readonly ok: true; readonly config: SharedConfig }
  | { readonly ok: false; readonly error: string }
  | null;

const PREFIX = 'config=';

/** Longest link Chromium opens (2 MB); longer configurations cannot be shared by link. */
export const MAX_SHARE_URL = 2 * 1024 * 1024;

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) bin += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): Uint8Array {
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * The hash (with its `#`) that carries a configuration.
 *
 * @example location.origin + location.pathname + encodeShareHash(config);
 */
export function encodeShareHash(config: SharedConfig): string {
  const json = JSON.stringify({ t: config.text, v: config.version, n: config.fileName });
  return `#${PREFIX}${toBase64Url(deflateSync(strToU8(json), { level: 9 }))}`;
}

/**
 * Reads a location hash: null when it carries no configuration, an error when it is damaged.
 *
 * @example decodeShareHash(location.hash);
 */
export function decodeShareHash(hash: string): ShareDecode {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!h.startsWith(PREFIX)) return null;
  try {
    const raw: unknown = JSON.parse(strFromU8(inflateSync(fromBase64Url(h.slice(PREFIX.length)))));
    if (typeof raw !== 'object' || raw === null) throw new Error('not an object');
    const o = raw as Record<string, unknown>;
    if (typeof o['t'] !== 'string' || (o['v'] !== '2.3' && o['v'] !== '2.4') || typeof o['n'] !== 'string') {
      throw new Error('missing fields');
    }
    return { ok: true, config: { text: o['t'], version: o['v'], fileName: o['n'] } };
  } catch (err) {
    return { ok: false, error: `The shared link is damaged and cannot be opened (${err instanceof Error ? err.message : String(err)}).` };
  }
}
