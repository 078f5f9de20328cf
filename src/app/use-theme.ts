/**
 * Applies the theme preference to the page: `<html data-theme="light|dark">`
 * (system follows prefers-color-scheme live). Stylesheets key dark colours off
 * `:root[data-theme='dark']`.
 *
 * @example useTheme(theme);
 */
import { useEffect } from 'react';
import type { Theme } from '../store/ui-slice.ts';

/** Sets data-theme on the document element. */
export function useTheme(theme: Theme): void {
  useEffect(() => {
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = () => {
      const dark = theme === 'dark' || (theme === 'system' && media.matches);
      document.documentElement.dataset['theme'] = dark ? 'dark' : 'light';
      document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
    };
    apply();
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, [theme]);
}
