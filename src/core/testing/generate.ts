/**
 * Seeded generator of Dovecot service configurations for the differential
 * suite: each config focuses on one family of rules (budgets, a stage-B row,
 * a parse error, a syntax form, includes, filters...) on top of a random but
 * mostly valid background, and is rendered with random but legal formatting
 * (indentation, spacing, comments, continuation lines, CRLF). The same seed
 * always gives the same configs.
 *
 * @example
 *   const configs = generateConfigs('2.4', 300, 1);
 *   configs[0].files['dovecot.conf']; // the main file; other entries are included files
 */
import type { DovecotVersion } from '../data/types.ts';
import { Prng } from './prng.ts';
import { FEATURES, background, type Ctx } from './generate-features.ts';

/** One generated configuration. */
export interface GeneratedConfig {
  readonly id: string;
  readonly version: DovecotVersion;
  /** Main file name (relative to the config's directory). */
  readonly main: string;
  /** Every file by path relative to the config's directory. */
  readonly files: Readonly<Record<string, string>>;
  /** The focus feature, for reports. */
  readonly feature: string;
}

/** A statement of the generated model. */
export type Item =
  | { readonly t: 'set'; readonly key: string; readonly value: string }
  | { readonly t: 'block'; readonly head: string; readonly items: Item[]; readonly close?: string | null }
  /** A line written verbatim (syntax forms, includes, comments). */
  | { readonly t: 'raw'; readonly text: string };

/** Formatting choices of one file. */
interface Style {
  readonly indent: string;
  readonly eq: () => string;
  readonly crlf: boolean;
  readonly comments: number;
  readonly continuation: number;
}

function style(r: Prng): Style {
  const indent = r.pick(['  ', '    ', '\t', '', '   ']);
  const eqs = [' = ', '=', ' =  ', '\t=\t', '  = '];
  const fixed = r.pick(eqs);
  const mixed = r.chance(0.3);
  return {
    indent,
    eq: () => (mixed ? r.pick(eqs) : fixed),
    crlf: r.chance(0.12),
    comments: r.pick([0, 0, 0.05, 0.15]),
    continuation: r.pick([0, 0, 0.04, 0.12]),
  };
}

const COMMENTS = ['# tuned for the proxy tier', '#', '## Service definitions', '# service imap { process_limit = 1 }', '  # indented comment'];

function renderItems(r: Prng, st: Style, items: readonly Item[], depth: number, out: string[]): void {
  const ind = st.indent.repeat(depth);
  for (const it of items) {
    if (st.comments > 0 && r.chance(st.comments)) out.push(`${ind}${r.pick(COMMENTS)}`);
    if (st.comments > 0 && r.chance(st.comments)) out.push('');
    switch (it.t) {
      case 'raw':
        out.push(it.text === '' ? '' : `${ind}${it.text}`);
        break;
      case 'set': {
        const line = `${ind}${it.key}${st.eq()}${it.value}`;
        const sp = it.value.indexOf(' ');
        if (st.continuation > 0 && sp > 0 && !/["'#\\]/.test(it.value) && r.chance(st.continuation * 4)) {
          out.push(`${ind}${it.key}${st.eq()}${it.value.slice(0, sp)} \\`, `${ind}${st.indent}${it.value.slice(sp + 1)}`);
        } else if (st.continuation > 0 && r.chance(st.continuation)) {
          out.push(`${ind}${it.key} \\`, `${ind}${st.indent}= ${it.value}`);
        } else out.push(line);
        break;
      }
      case 'block':
        out.push(`${ind}${it.head} {`);
        renderItems(r, st, it.items, depth + 1, out);
        if (it.close !== null) out.push(`${ind}${it.close ?? '}'}`);
        break;
    }
  }
}

/** Renders statements as one file. */
export function renderFile(r: Prng, items: readonly Item[], opts: { crlf?: boolean; trailingNewline?: boolean } = {}): string {
  const st = style(r);
  const out: string[] = [];
  renderItems(r, st, items, 0, out);
  const nl = (opts.crlf ?? st.crlf) ? '\r\n' : '\n';
  return out.join(nl) + ((opts.trailingNewline ?? true) ? nl : '');
}

/**
 * Generates `count` configurations of one version from a seed. Config `i`
 * focuses on feature `i mod N` (some features are listed more than once), and
 * each feature cycles through its cases with its own occurrence count, so
 * every case is reached once `count` is large enough.
 *
 * @example generateConfigs('2.3', 300, 7).length; // 300
 */
export function generateConfigs(version: DovecotVersion, count: number, seed: number): GeneratedConfig[] {
  const features = FEATURES.filter((f) => f.versions.includes(version));
  const out: GeneratedConfig[] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const r = new Prng((seed * 1000003 + i * 7919 + (version === '2.4' ? 17 : 0)) >>> 0);
    const feature = features[i % features.length]!;
    const n = seen.get(feature.name) ?? 0;
    seen.set(feature.name, n + 1);
    const ctx: Ctx = { r, version, n, files: {}, head: [], tail: [], header: version === '2.4' };
    const items = background(ctx);
    feature.add(ctx, items);
    const main: Item[] = [];
    if (ctx.header) {
      main.push({ t: 'set', key: 'dovecot_config_version', value: ctx.configVersion ?? r.pick(['2.4.1', '2.4.1', '2.4.0']) });
      main.push({ t: 'set', key: 'dovecot_storage_version', value: '2.4.1' });
    }
    main.push(...ctx.head, ...items, ...ctx.tail);
    const files: Record<string, string> = { 'dovecot.conf': ctx.mainText ?? renderFile(r, main, ctx.crlf !== undefined ? { crlf: ctx.crlf } : {}) };
    for (const [p, v] of Object.entries(ctx.files)) files[p] = typeof v === 'string' ? v : renderFile(r, v);
    out.push({ id: `${version}-${seed}-${String(i).padStart(3, '0')}`, version, main: 'dovecot.conf', files, feature: feature.name });
  }
  return out;
}
