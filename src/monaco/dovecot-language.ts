/**
 * The Dovecot configuration language for Monaco: a Monarch grammar
 * (sections, keys, values, quoted strings, comments, `$var` / `$SET:` /
 * `$ENV:` / `%{...}` references, `!include` / `!include_try`, `<file`),
 * editing rules (comments, brackets, indentation) and light/dark themes whose
 * colors are read from the page's CSS variables (src/app/app.css), so the
 * editor looks like the rest of the app in whichever theme it shows.
 *
 * @example
 *   registerDovecotLanguage(monaco);
 *   monaco.editor.create(el, { language: DOVECOT_LANGUAGE_ID, theme: followPageTheme(monaco, el) });
 */
import type * as Monaco from 'monaco-editor/editor';

type MonacoApi = typeof Monaco;

/** Language id of Dovecot configuration files. */
export const DOVECOT_LANGUAGE_ID = 'dovecot';

/** An action that pops the value state when the match ends the line. */
function inValue(token: string): Monaco.languages.IMonarchLanguageAction {
  return { cases: { '@eos': { token, next: '@pop' }, '@default': token } };
}

/** The Monarch grammar. */
export const DOVECOT_MONARCH: Monaco.languages.IMonarchLanguage = {
  defaultToken: '',
  tokenPostfix: '.dovecot',
  brackets: [{ open: '{', close: '}', token: 'delimiter.curly' }],
  tokenizer: {
    root: [
      [/^\s*#.*$/, 'comment'],
      [/\s+/, 'white'],
      [/#.*$/, 'comment'],
      [/(!include(?:_try)?)(\s+)(.*)$/, ['keyword.directive', 'white', 'string.path']],
      [/!\S*/, 'invalid'],
      [/[{}]/, '@brackets'],
      // key = value (keys: plain, 2.3 path keys a/b/c, 2.4 quoted keys, @group applications)
      [/([A-Za-z0-9_@.][\w@./-]*|"(?:[^"\\]|\\.)*")(\s*)(=)/, ['key', 'white', { cases: { '@eos': 'operator', '@default': { token: 'operator', next: '@value' } } }]],
      // 2.4 group definitions: group @NAME VALUE {
      [/(group)(\s+)(@[\w-]+)(\s+)([^\s{#]+)(\s*)(\{)/, ['section', 'white', 'section.name', 'white', 'section.name', 'white', '@brackets']],
      // section NAME {  /  section {
      [/([A-Za-z_][\w-]*)(\s+)([^\s{#"]+|"(?:[^"\\]|\\.)*")(\s*)(\{)/, ['section', 'white', 'section.name', 'white', '@brackets']],
      [/([A-Za-z_][\w-]*)(\s*)(\{)/, ['section', 'white', '@brackets']],
      [/[^\s#{}]+/, 'invalid'],
    ],
    value: [
      [/\\\s*$/, 'operator.continuation'],
      [/\s+#.*$/, inValue('comment')],
      [/\s+$/, inValue('white')],
      [/\s+/, 'white'],
      [/"(?:[^"\\]|\\.)*"?/, inValue('string')],
      [/'(?:[^'\\]|\\.)*'?/, inValue('string')],
      [/<[^\s#]+/, inValue('string.path')],
      [/\$(?:SET:|ENV:)?[A-Za-z_][\w.-]*/, inValue('variable')],
      [/%\{[^}]*\}?/, inValue('variable.predefined')],
      [/(?:yes|no|unlimited|infinite)(?![\w.-])/, inValue('keyword')],
      [/\d+(?:\.\d+)?(?:\s*(?:[kmgtpe]i?b?|b|bytes?|ms|msecs?|s|secs?|seconds?|mins?|minutes?|h|hours?|d|days?|w|weeks?))?(?![\w.:/-])/i, inValue('number')],
      [/[^\s"'$%\\#]+/, inValue('value')],
      [/[^\s]/, inValue('value')],
    ],
  },
};

/** Editing rules: `#` comments, brace pairs, indent after `{`, outdent on `}`. */
export const DOVECOT_LANGUAGE_CONFIGURATION: Monaco.languages.LanguageConfiguration = {
  comments: { lineComment: '#' },
  brackets: [['{', '}']],
  autoClosingPairs: [
    { open: '{', close: '}' },
    { open: '"', close: '"', notIn: ['string', 'comment'] },
  ],
  surroundingPairs: [
    { open: '{', close: '}' },
    { open: '"', close: '"' },
  ],
  indentationRules: {
    increaseIndentPattern: /^[^#]*\{\s*(#.*)?$/,
    decreaseIndentPattern: /^\s*\}/,
  },
  // keys, service and socket names (imap-login, auth-userdb), $SET:refs, sizes (256M)
  wordPattern: /[A-Za-z0-9_$][\w$:.-]*/,
};

let registered = false;

/** Registers the language once per page. */
export function registerDovecotLanguage(monaco: MonacoApi): void {
  if (registered) return;
  registered = true;
  monaco.languages.register({ id: DOVECOT_LANGUAGE_ID, extensions: ['.conf'], aliases: ['Dovecot configuration'] });
  monaco.languages.setMonarchTokensProvider(DOVECOT_LANGUAGE_ID, DOVECOT_MONARCH);
  monaco.languages.setLanguageConfiguration(DOVECOT_LANGUAGE_ID, DOVECOT_LANGUAGE_CONFIGURATION);
}

/** Token colors of each theme (the editor chrome comes from CSS variables). */
const TOKEN_COLORS: Readonly<Record<'light' | 'dark', Readonly<Record<string, string>>>> = {
  light: {
    comment: '6b7280', section: '6d28d9', 'section.name': '0f766e', key: '1d4ed8', operator: '637083',
    'operator.continuation': 'a15c07', string: '15803d', 'string.path': '0e7490', variable: 'a21caf',
    'variable.predefined': 'a21caf', keyword: 'b45309', number: 'b45309', value: '1b2330',
    'keyword.directive': 'be185d', invalid: 'b42318', 'delimiter.curly': '637083',
  },
  dark: {
    comment: '8b96a8', section: 'c4a5ff', 'section.name': '5eead4', key: '8ab4ff', operator: '95a1b2',
    'operator.continuation': 'f5b74f', string: '86efac', 'string.path': '67e8f9', variable: 'f0abfc',
    'variable.predefined': 'f0abfc', keyword: 'fbbf24', number: 'fbbf24', value: 'e4e9f0',
    'keyword.directive': 'f9a8d4', invalid: 'ff8a80', 'delimiter.curly': '95a1b2',
  },
};

/** Chrome colors when a CSS variable is missing. */
const FALLBACK: Readonly<Record<'light' | 'dark', Readonly<Record<string, string>>>> = {
  light: { '--surface': '#ffffff', '--surface-alt': '#f9fafb', '--border': '#e3e7ed', '--text': '#1b2330', '--text-muted': '#637083', '--accent': '#2563eb', '--accent-soft': '#e6eefd', '--error': '#b42318', '--warning': '#a15c07' },
  dark: { '--surface': '#171d26', '--surface-alt': '#1c2430', '--border': '#2a3442', '--text': '#e4e9f0', '--text-muted': '#95a1b2', '--accent': '#6ea0ff', '--accent-soft': '#1c2a44', '--error': '#ff8a80', '--warning': '#f5b74f' },
};

function hex(value: string): string | null {
  const v = value.trim();
  if (/^#[0-9a-f]{6}$/i.test(v)) return v;
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(v);
  if (short !== null) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  const rgb = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/.exec(v);
  if (rgb !== null) return `#${[rgb[1], rgb[2], rgb[3]].map((n) => Number(n).toString(16).padStart(2, '0')).join('')}`;
  return null;
}

function isDark(color: string): boolean {
  const n = Number.parseInt(color.slice(1), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
}

/** Name of the Monaco theme for a page theme. */
export function themeName(kind: 'light' | 'dark'): string {
  return `dovecot-${kind}`;
}

/** The user's theme choice (the store's `ui.theme`). */
export type ThemePreference = 'light' | 'dark' | 'system';

/**
 * Defines the light or dark editor theme from the CSS variables seen at
 * `el` (the page decides which one shows: prefers-color-scheme or the user's
 * choice) and applies it; `preference` decides only when the page sets no
 * colors. Returns the theme used.
 *
 * @example applyPageTheme(monaco, hostElement, 'system'); // 'dovecot-dark' under a dark page
 */
export function applyPageTheme(monaco: MonacoApi, el: Element, preference: ThemePreference = 'system'): string {
  const css = getComputedStyle(el);
  const surface = hex(css.getPropertyValue('--surface'));
  const systemDark = window.matchMedia('(prefers-color-scheme: dark)').matches;
  const kind: 'light' | 'dark' = surface !== null
    ? (isDark(surface) ? 'dark' : 'light')
    : preference === 'system' ? (systemDark ? 'dark' : 'light') : preference;
  const v = (name: string): string => hex(css.getPropertyValue(name)) ?? FALLBACK[kind][name]!;
  const tokens = TOKEN_COLORS[kind];
  const name = themeName(kind);
  monaco.editor.defineTheme(name, {
    base: kind === 'dark' ? 'vs-dark' : 'vs',
    inherit: true,
    rules: Object.entries(tokens).map(([token, foreground]) => ({
      token, foreground, ...(token === 'comment' ? { fontStyle: 'italic' } : token === 'section' ? { fontStyle: 'bold' } : {}),
    })),
    colors: {
      'editor.background': v('--surface'),
      'editor.foreground': v('--text'),
      'editorGutter.background': v('--surface'),
      'editorLineNumber.foreground': v('--text-muted'),
      'editorLineNumber.activeForeground': v('--text'),
      'editor.lineHighlightBackground': v('--surface-alt'),
      'editor.lineHighlightBorder': v('--surface-alt'),
      'editor.selectionBackground': `${v('--accent')}40`,
      'editor.inactiveSelectionBackground': `${v('--accent')}26`,
      'editorCursor.foreground': v('--accent'),
      'editorWidget.background': v('--surface'),
      'editorWidget.border': v('--border'),
      'editorHoverWidget.background': v('--surface'),
      'editorHoverWidget.border': v('--border'),
      'editorSuggestWidget.background': v('--surface'),
      'editorSuggestWidget.border': v('--border'),
      'editorSuggestWidget.foreground': v('--text'),
      'editorSuggestWidget.selectedBackground': v('--accent-soft'),
      'editorSuggestWidget.selectedForeground': v('--text'),
      'editorSuggestWidget.selectedIconForeground': v('--text'),
      'editorSuggestWidget.highlightForeground': v('--accent'),
      'editorSuggestWidget.focusHighlightForeground': v('--accent'),
      'editorHoverWidget.foreground': v('--text'),
      'editorActionList.background': v('--surface'),
      'editorActionList.foreground': v('--text'),
      'editorActionList.focusBackground': v('--accent-soft'),
      'editorActionList.focusForeground': v('--text'),
      'list.activeSelectionBackground': v('--accent-soft'),
      'list.activeSelectionForeground': v('--text'),
      'list.inactiveSelectionBackground': v('--surface-alt'),
      'list.focusBackground': v('--accent-soft'),
      'list.focusForeground': v('--text'),
      'list.hoverBackground': v('--surface-alt'),
      'list.highlightForeground': v('--accent'),
      'editorMarkerNavigation.background': v('--surface'),
      'editorMarkerNavigationError.background': v('--error'),
      'editorMarkerNavigationWarning.background': v('--warning'),
      'editorMarkerNavigationInfo.background': v('--accent'),
      'editorError.foreground': v('--error'),
      'editorWarning.foreground': v('--warning'),
      'editorInfo.foreground': v('--accent'),
      'editorIndentGuide.background1': v('--border'),
      'editorBracketMatch.border': v('--accent'),
      'focusBorder': v('--accent'),
      'scrollbarSlider.background': `${v('--text-muted')}33`,
      'diffEditor.insertedTextBackground': kind === 'dark' ? '#4ade8033' : '#15803d26',
      'diffEditor.removedTextBackground': kind === 'dark' ? '#ff8a8033' : '#b4231826',
    },
  });
  monaco.editor.setTheme(name);
  return name;
}

/**
 * Keeps the editor theme in step with the page: re-applies it when the
 * system scheme flips or the page's theme attributes/classes change.
 * Returns a function that stops following.
 *
 * @example const stop = followPageTheme(monaco, hostElement, () => store.getState().theme);
 */
export function followPageTheme(monaco: MonacoApi, el: Element, preference: () => ThemePreference): () => void {
  const update = (): void => {
    applyPageTheme(monaco, el, preference());
  };
  update();
  const media = window.matchMedia('(prefers-color-scheme: dark)');
  media.addEventListener('change', update);
  const observer = new MutationObserver(update);
  for (const node of [document.documentElement, document.body]) {
    observer.observe(node, { attributes: true, attributeFilter: ['class', 'data-theme', 'style'] });
  }
  return () => {
    media.removeEventListener('change', update);
    observer.disconnect();
  };
}
