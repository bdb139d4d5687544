/** The pane's language: Japanese by default, English when Office's display language is English. */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { translator, type Lang, type Translate } from '../core';

const LangContext = createContext<Lang>('ja');

export function langOfDisplay(displayLanguage: string | undefined): Lang {
  return displayLanguage && displayLanguage.toLowerCase().startsWith('en') ? 'en' : 'ja';
}

export function LangProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  return <LangContext.Provider value={lang}>{children}</LangContext.Provider>;
}

export function useLang(): Lang {
  return useContext(LangContext);
}

/** t('tab.check') looks up 'ui.tab.check'; keys of other bundles are given in full with a leading '@' ('@status.met'). */
export function useT(): Translate {
  const lang = useLang();
  return useMemo(() => {
    const t = translator(lang);
    return (key: string, params?: Record<string, unknown>) => (key.startsWith('@') ? t(key.slice(1), params) : t(`ui.${key}`, params));
  }, [lang]);
}
