#!/usr/bin/env node
// Generates src/core/data/settings-2.3.json and settings-2.4.json: the
// catalog of root-level settings and of the sections/filters each reference
// doveconf (Debian 2.3.19.1 and 2.4.1, see scripts/doveconf) accepts.
//
//   node scripts/gen-settings-catalog.mjs [--out DIR] [--jobs N] [--only 2.3|2.4]
//
// Node 20, no dependencies. Everything comes from running the real doveconf:
//  1. Defaults: `doveconf -a` (2.3) on an empty config, and
//     `doveconf -d -s` (2.4; names missing from plain `-d` are "hidden").
//     A second dump with one instance of every section type shows the keys
//     and defaults of the sections (2.3 `-a`; 2.4 `-d` shows its built-in
//     filter defaults: services, oauth2, mail drivers, metrics, ...).
//  2. Types: doveconf has no option that prints types, so each setting is
//     probed through doveconf's own parser: `KEY = zz9probe` is rejected with
//     a message naming the parser type ("Invalid number", "Invalid size",
//     "Invalid time interval", "Invalid boolean value", "Invalid value"
//     (enum), "Invalid port number", "Setting is a string list"); accepted
//     values mean a string. Follow-up probes: `KEY = 09` (octal vs uint),
//     `KEY = 1ms` (time unit), `KEY = unlimited` / `infinite`, and in 2.4
//     `KEY { a = zz9probe }` (boollist vs string).
//  3. Sections: every prefix of a setting name (split at "_") plus names seen
//     in the dumps and a few well-known ones is tried as `NAME {` / `}` and
//     `NAME x1 {` / `}` at root; the parse error (or its absence) tells
//     whether it is a section, whether it takes a name, and which names are
//     not sections at all.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir, availableParallelism } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..');
const DOVECONF = join(here, 'doveconf');

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : def;
};
const outDir = resolve(opt('--out', join(repo, 'src/core/data')));
const jobs = Number(opt('--jobs', Math.max(2, Math.min(8, availableParallelism() * 2))));
const only = opt('--only', null);

const HEAD = {
  '2.3': 'protocols = imap pop3 lmtp submission\n',
  '2.4': 'dovecot_config_version = 2.4.1\ndovecot_storage_version = 2.4.1\nprotocols = imap pop3 lmtp submission\n',
};
const HEAD_LINES = { '2.3': 1, '2.4': 3 };
// Config for the defaults dump. 2.3 `-a` prints current values, so an empty
// file is used (HEAD would make `protocols` look like a default); 2.4 `-d`
// prints built-in defaults whatever the file sets, but needs the version lines.
const DUMP_CONF = { '2.3': '', '2.4': HEAD['2.4'] };

// One instance of each section type, so that `-a` (2.3) prints their keys.
const INSTANCES = {
  '2.3': `namespace inbox {
  inbox = yes
  mailbox Trash {
    special_use = \\Trash
  }
}
passdb {
  driver = pam
}
userdb {
  driver = passwd
}
plugin {
  foo = bar
}
dict {
  foo = bar
}
protocol imap {
  imap_max_line_length = 1M
}
local 127.0.0.1 {
  mail_debug = yes
}
remote 127.0.0.1 {
  mail_debug = yes
}
local_name mail.example.com {
  mail_debug = yes
}
metric m1 {
  filter = event=x
}
event_exporter e1 {
  format = json
  format_args = time-rfc3339
  transport = log
}
`,
};

const SEED_SECTIONS = [
  'service', 'unix_listener', 'inet_listener', 'fifo_listener', 'namespace', 'mailbox',
  'plugin', 'protocol', 'local', 'remote', 'local_name', 'passdb', 'userdb', 'dict',
  'metric', 'event_exporter', 'auth_policy', 'group', 'shared', 'quota', 'fts', 'sieve',
  'ssl_client', 'ssl_server', 'http_client', 'http_server', 'oauth2', 'ldap', 'sql',
  'lua', 'imapc', 'pop3c', 'maildir', 'mbox', 'mdbox', 'sdbox', 'layout_fs',
  'layout_maildir++', 'layout_index', 'layout_imapc', 'metric_group_by',
  'language', 'mail_attribute', 'mail_attachment', 'dict_server', 'fs', 'mail_ext_attachment',
];

// ---------------------------------------------------------------------------
function run(ver, conf, dargs) {
  return new Promise((res, rej) => {
    const dir = mkdtempSync(join(tmpdir(), 'gen-catalog-'));
    writeFileSync(join(dir, 'p.conf'), conf);
    const p = spawn(DOVECONF, [ver, '-c', 'p.conf', ...dargs], { cwd: dir });
    let out = '', err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('error', rej);
    p.on('close', (code) => {
      rmSync(dir, { recursive: true, force: true });
      res({ code, out, err });
    });
  });
}

async function pool(items, fn) {
  const results = Array.from({ length: items.length });
  let next = 0, done = 0;
  async function worker() {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
      if (++done % 100 === 0) process.stderr.write(`  ${done}/${items.length}\n`);
    }
  }
  await Promise.all(Array.from({ length: Math.min(jobs, items.length) }, worker));
  return results;
}

// Last error line of stderr, without the "doveconf: Fatal: Error in
// configuration file p.conf[ line N]: " prefix. {line: N|null, msg}
function lastError(err) {
  const panic = err.split('\n').find((l) => l.startsWith('doveconf: Panic: '));
  if (panic) return { line: null, msg: panic.replace(/^doveconf: /, ''), panic: true };
  const lines = err.split('\n').filter((l) => /^doveconf: (Fatal|Error):/.test(l));
  if (!lines.length) return null;
  const l = lines[lines.length - 1];
  const m = l.match(/^doveconf: Fatal: Error in configuration file p\.conf(?: line (\d+))?: (.*)$/);
  if (m) return { line: m[1] ? Number(m[1]) : null, msg: m[2] };
  return { line: null, msg: l.replace(/^doveconf: (Fatal|Error): /, '') };
}

// ---------------------------------------------------------------------------
// Dump parser: returns { settings: {k: v}, blocks: [{kind, name, body}] } at
// each level; strlist-like blocks are parsed the same way.
function parseDump(text) {
  const lines = text.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
  let i = 0;
  function level() {
    const node = { settings: {}, blocks: [] };
    while (i < lines.length) {
      const line = lines[i].trim();
      i++;
      if (line === '}') return node;
      let m = line.match(/^(.*?) \{$/);
      if (m) {
        const words = m[1].match(/"(?:[^"\\]|\\.)*"|\S+/g);
        const kind = words[0];
        const name = words.length > 1 ? words.slice(1).join(' ').replace(/^"(.*)"$/, '$1') : null;
        node.blocks.push({ kind, name, body: level() });
        continue;
      }
      m = line.match(/^(\S+) = ?(.*)$/);
      if (m) node.settings[m[1]] = m[2];
      else throw new Error(`unparsed dump line: ${line}`);
    }
    return node;
  }
  return level();
}

function bannerOf(text) {
  const m = text.match(/^# (\S+) \(([0-9a-f]+)\)/);
  return m ? { version: m[1], revision: m[2] } : null;
}

// ---------------------------------------------------------------------------
// Heuristic type from the printed default (only used when no probe decides).
function heuristicType(name, def) {
  if (/^(yes|no)$/.test(def)) return 'bool';
  if (/^\d+ (B|k|M|G|T)$/.test(def)) return 'size';
  if (/^\d+ (ms|secs|mins|hours|days|weeks)$/.test(def)) return 'time';
  if (/^0\d+$/.test(def)) return 'octal';
  if (/^\d+$/.test(def)) return /(_port)$/.test(name) ? 'port' : 'uint';
  return 'string';
}

async function probeType(ver, key) {
  const conf = (body) => HEAD[ver] + body;
  const r1 = lastError((await run(ver, conf(`${key} = zz9probe\n`), ['-n'])).err);
  const parseErr = r1 && r1.line != null ? r1.msg : null;
  const res = {};
  const is = (re) => parseErr && re.test(parseErr);
  if (is(/Unknown setting/)) res.type = 'unknown';
  else if (is(/Invalid number zz9probe/)) {
    const r = lastError((await run(ver, conf(`${key} = 09\n`), ['-n'])).err);
    res.type = r && r.line != null && /Invalid number:? 09/.test(r.msg) ? 'octal' : 'uint';
  } else if (is(/Invalid size/)) res.type = 'size';
  else if (is(/Invalid time interval/)) {
    res.type = 'time';
    const r = lastError((await run(ver, conf(`${key} = 1ms\n`), ['-n'])).err);
    res.unit = r && r.line != null && /Milliseconds not supported/.test(r.msg) ? 's' : 'ms';
  } else if (is(/Invalid boolean value/)) res.type = 'bool';
  else if (is(/Invalid value: zz9probe/)) res.type = 'enum';
  else if (is(/Invalid port number/)) res.type = 'port';
  else if (is(/Setting is a string list/)) { res.type = 'section'; res.list = 'strlist'; }
  else if (is(/Setting is a named filter/)) res.type = 'filter'; // 2.4: not a setting, a section
  else if (parseErr) { res.type = 'string'; res.parseError = parseErr; }
  else {
    res.type = 'string';
    if (r1) res.checkError = r1.msg; // accepted by the parser, refused by a later check
    if (ver === '2.4') {
      const r = lastError((await run(ver, conf(`${key} {\n  a = zz9probe\n}\n`), ['-n'])).err);
      if (r && r.line != null && /Invalid boolean value: zz9probe/.test(r.msg)) res.type = 'boollist';
    }
  }
  if (['uint', 'size', 'time'].includes(res.type)) {
    for (const w of ['unlimited', 'infinite']) {
      const r = lastError((await run(ver, conf(`${key} = ${w}\n`), ['-n'])).err);
      if (!(r && r.line != null)) (res.accepts ??= []).push(w);
    }
  }
  return res;
}

// Section probe at root: NAME { } and NAME x1 { }.
async function probeSection(ver, name) {
  const head = HEAD[ver];
  const base = HEAD_LINES[ver] + 1;
  const classify = (r) => {
    const e = lastError(r.err);
    const warn = r.err.split('\n').filter((l) => l.startsWith('doveconf: Warning: ') && !/NOTE: You can get a new clean/.test(l))
      .map((l) => l.replace(/^doveconf: /, '')).join('\n');
    if (!e) return warn ? { ok: true, msg: warn } : { ok: true };
    const parse = e.line != null && e.line >= base && e.line <= base + 1;
    if (parse && /Unknown setting: |Unknown section name|Garbage after|Expecting '\{'/.test(e.msg)) return { ok: false, msg: e.msg };
    if (parse && /is missing section name|must not have a section name/.test(e.msg)) return { ok: false, msg: e.msg };
    return { ok: true, msg: e.msg }; // accepted by the parser; a later check complained
  };
  const noName = classify(await run(ver, `${head}${name} {\n}\n`, ['-n']));
  if (!noName.ok && /Unknown setting: |Unknown section name/.test(noName.msg)) return null;
  const named = classify(await run(ver, `${head}${name} x1 {\n}\n`, ['-n']));
  let withIp = null;
  if (named.ok && /gethostbyname/.test(named.msg || '')) {
    withIp = classify(await run(ver, `${head}${name} 127.0.0.1 {\n}\n`, ['-n']));
  }
  if (!noName.ok && !named.ok) return null;
  let nameRule;
  if (withIp) nameRule = 'ip-or-network';
  else if (noName.ok && named.ok) nameRule = 'optional';
  else if (named.ok) nameRule = 'required';
  else nameRule = 'none';
  // 2.3 services: "Service #N is missing name" comes from a later check.
  if (nameRule === 'optional' && /is missing name/.test(noName.msg || '')) nameRule = 'required';
  const out = { name: nameRule };
  const notes = [noName.msg, named.msg, withIp && withIp.msg].filter(Boolean);
  if (notes.length) out.probeMessages = [...new Set(notes)];
  return out;
}

function prefixesOf(names) {
  const set = new Set();
  for (const n of names) {
    const parts = n.split('_');
    for (let i = 1; i < parts.length; i++) set.add(parts.slice(0, i).join('_'));
  }
  return set;
}

function blockKeys(body) {
  return {
    keys: Object.fromEntries(Object.entries(body.settings).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    subsections: [...new Set(body.blocks.map((b) => b.kind))].sort(),
  };
}

// ---------------------------------------------------------------------------
async function catalog(ver) {
  const t0 = Date.now();
  const pkgFile = join(process.env.DOVECONF_CACHE || join(repo, '.cache/doveconf'), ver, '.complete');
  const dumpArgs = ver === '2.3' ? ['-a'] : ['-d', '-s'];
  const d1 = await run(ver, DUMP_CONF[ver], dumpArgs);
  if (d1.code !== 0) throw new Error(`${ver}: dump failed: ${d1.err}`);
  let pkg = null;
  try { pkg = readFileSync(pkgFile, 'utf8').trim(); } catch { /* fetched by the wrapper */ }
  const banner = bannerOf(d1.out);
  const root = parseDump(d1.out);
  let hidden = new Set();
  if (ver === '2.4') {
    const visible = parseDump((await run(ver, DUMP_CONF[ver], ['-d'])).out);
    hidden = new Set(Object.keys(root.settings).filter((k) => !(k in visible.settings)));
  }
  // Root-level list settings printed as blocks (2.4 strlists/boollists with
  // defaults, e.g. import_environment { ... }): single-word, unnamed blocks
  // whose name is accepted as a setting are recognised by the type probe.
  const rootBlockNames = root.blocks.filter((b) => b.name === null).map((b) => b.kind);
  const names = [...new Set([...Object.keys(root.settings), ...rootBlockNames])].sort();

  console.error(`[${ver}] ${names.length} root names; probing types with ${jobs} jobs`);
  const types = await pool(names, (k) => probeType(ver, k));
  const settings = {};
  const unknownBlocks = new Set();
  names.forEach((k, i) => {
    const t = types[i];
    const isBlock = !(k in root.settings);
    if (t.type === 'filter' || (isBlock && t.type === 'unknown')) { unknownBlocks.add(k); return; } // a filter, not a setting
    const e = {};
    if (isBlock) {
      const b = root.blocks.find((x) => x.kind === k && x.name === null);
      e.default = '';
      e.defaultEntries = b.body.settings;
    } else e.default = root.settings[k];
    Object.assign(e, t);
    if (e.type === 'unknown') e.type = heuristicType(k, e.default);
    e.heuristicType = heuristicType(k, e.default);
    if (e.heuristicType === e.type) delete e.heuristicType;
    if (hidden.has(k)) e.hidden = true;
    settings[k] = e;
  });

  // Sections.
  const cand = new Set([...SEED_SECTIONS, ...prefixesOf(Object.keys(root.settings))]);
  const walk = (node) => node.blocks.forEach((b) => { cand.add(b.kind); walk(b.body); });
  walk(root);
  for (const k of Object.keys(settings)) cand.delete(k);
  const candList = [...cand].filter((c) => /^[a-z0-9_+.-]+$/.test(c)).sort();
  console.error(`[${ver}] probing ${candList.length} section candidates`);
  const sec = await pool(candList, (c) => probeSection(ver, c));
  const sections = {};
  candList.forEach((c, i) => { if (sec[i]) sections[c] = sec[i]; });

  // Keys / sub-sections as far as the dumps show them.
  let instDump = root;
  if (INSTANCES[ver]) {
    const d2 = await run(ver, HEAD[ver] + INSTANCES[ver], dumpArgs);
    const e = lastError(d2.err);
    if (e) throw new Error(`${ver}: instance dump failed: ${e.msg}`);
    instDump = parseDump(d2.out);
  }
  for (const b of instDump.blocks) {
    if (!sections[b.kind]) continue;
    const s = sections[b.kind];
    if (b.kind === 'service') continue;
    if (['protocol', 'local', 'remote', 'local_name'].includes(b.kind) ||
        (ver === '2.3' && ['plugin', 'dict'].includes(b.kind))) continue;
    if (ver === '2.3') Object.assign(s, blockKeys(b.body));
  }
  const filterKinds = ['protocol', 'local', 'remote', 'local_name'];
  for (const f of filterKinds) if (sections[f]) sections[f].keys = '*root settings (filter)*';
  if (ver === '2.3') {
    for (const f of ['plugin', 'dict']) if (sections[f]) sections[f].keys = '*any key = value (string list)*';
  }
  if (ver === '2.4') {
    // 2.4 settings are flat: inside `S { k = v }` the key k means S_k.
    for (const [name, s] of Object.entries(sections)) {
      if (filterKinds.includes(name)) continue;
      const own = Object.keys(settings).filter((k) => k.startsWith(name + '_'));
      s.settingPrefix = name + '_';
      s.keys = Object.fromEntries(own.map((k) => [k.slice(name.length + 1), settings[k].default]));
      s.alsoAccepts = 'any root setting (as an override inside this filter)';
    }
  }
  // Default instances shown by the dump (2.3 -a: every built-in service with
  // all keys; 2.4 -d: the built-in filters with their overrides only).
  const instances = {};
  for (const b of root.blocks) {
    if (b.name === null && !unknownBlocks.has(b.kind)) continue;
    const key = b.kind;
    (instances[key] ??= {})[b.name ?? ''] = {
      settings: b.body.settings,
      blocks: b.body.blocks.map((x) => ({ kind: x.kind, name: x.name, ...blockKeys(x.body), ...(x.body.blocks.length ? { blocks: x.body.blocks.map((y) => ({ kind: y.kind, name: y.name, ...blockKeys(y.body) })) } : {}) })),
    };
  }
  for (const [kind, inst] of Object.entries(instances)) {
    // only known from the dump (2.4 `group @LABEL NAME { }`)
    sections[kind] ??= { name: Object.keys(inst).every((n) => n !== '') ? 'required' : 'none', fromDumpOnly: true };
    sections[kind].dumpInstances = inst;
    const subs = new Set(sections[kind].subsections || []);
    for (const i of Object.values(inst)) for (const b of i.blocks) subs.add(b.kind);
    if (subs.size) sections[kind].subsections = [...subs].sort();
    if (ver === '2.3' && kind === 'service') {
      const keys = {};
      for (const i of Object.values(inst)) for (const k of Object.keys(i.settings)) keys[k] = true;
      sections[kind].keys = Object.fromEntries(Object.keys(keys).sort().map((k) => [k, null]));
      const lk = {};
      for (const i of Object.values(inst)) {
        for (const b of i.blocks) {
          lk[b.kind] ??= new Set();
          for (const k of Object.keys(b.keys)) lk[b.kind].add(k);
        }
      }
      sections[kind].listenerKeys = Object.fromEntries(Object.entries(lk).map(([k, v]) => [k, [...v].sort()]));
    }
  }
  // Listener kinds inside service (probed: this project edits them).
  if (sections.service) {
    const acc = {};
    for (const l of ['unix_listener', 'inet_listener', 'fifo_listener']) {
      const r = lastError((await run(ver, `${HEAD[ver]}service imap {\n  ${l} zz9 {\n  }\n}\n`, ['-n'])).err);
      acc[l] = !(r && r.line != null && /Unknown|Garbage|Expecting/.test(r.msg));
    }
    sections.service.listenerKindsAccepted = acc;
  }

  const typeCounts = {};
  for (const s of Object.values(settings)) typeCounts[s.type] = (typeCounts[s.type] || 0) + 1;
  console.error(`[${ver}] done in ${((Date.now() - t0) / 1000).toFixed(1)}s: ${JSON.stringify(typeCounts)}`);
  return {
    $comment: 'Generated by scripts/gen-settings-catalog.mjs from the reference doveconf (scripts/doveconf). Do not edit.',
    doveconf: banner,
    package: pkg,
    dumpCommand: `doveconf -c dump.conf ${dumpArgs.join(' ')}`,
    dumpConfig: DUMP_CONF[ver],
    probeConfigHead: HEAD[ver],
    typeSource:
      'Parser probes: each setting is set to "zz9probe" and classified by doveconf\'s own parse error ' +
      '(Invalid number → uint, then "09" refused → octal; Invalid size → size; Invalid time interval → time, ' +
      '"1ms" refused → unit s else ms; Invalid boolean value → bool; Invalid value → enum; Invalid port number → port; ' +
      '"Setting is a string list" → section (strlist); accepted → string, or boollist in 2.4 when `KEY { a = zz9probe }` ' +
      'gives "Invalid boolean value"). accepts: which of unlimited/infinite the parser takes. checkError: the value passed ' +
      'the parser but a later check refused it. heuristicType: what the printed default alone would suggest, when different.',
    typeCounts,
    settings,
    sections: Object.fromEntries(Object.entries(sections).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
  };
}

// ---------------------------------------------------------------------------
const versions = only ? [only] : ['2.3', '2.4'];
// Make sure the cache exists before running probes in parallel.
const f = spawnSync(join(here, 'fetch-doveconf.sh'), [], { stdio: ['ignore', 'inherit', 'inherit'] });
if (f.status !== 0) process.exit(f.status ?? 1);
mkdirSync(outDir, { recursive: true });
for (const v of versions) {
  const c = await catalog(v);
  const file = join(outDir, `settings-${v}.json`);
  writeFileSync(file, JSON.stringify(c, null, 2) + '\n');
  console.error(`wrote ${file}`);
}
