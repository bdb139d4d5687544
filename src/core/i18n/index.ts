/**
 * The two languages. Every user-facing sentence of the engine goes through here; Japanese is the default.
 * Each part of the product contributes its own bundle of messages (rules, file errors, labels), merged below.
 */
import i18next, { type i18n as I18n } from 'i18next';
import { resources } from './resources';

export type Lang = 'ja' | 'en';
export const LANGS: readonly Lang[] = ['ja', 'en'];

export type Translate = (key: string, params?: Record<string, unknown>) => string;

const instances = new Map<Lang, I18n>();

function instance(lang: Lang): I18n {
  let inst = instances.get(lang);
  if (!inst) {
    inst = i18next.createInstance();
    void inst.init({
      lng: lang,
      fallbackLng: 'ja',
      initAsync: false,
      resources: { ja: { translation: resources('ja') }, en: { translation: resources('en') } },
      // Keys are flat ('rule.value.unparseable.message'): dots and colons are part of them.
      keySeparator: false,
      nsSeparator: false,
      // Values come from submitted sheets and are shown as plain text, never as markup: no escaping needed here,
      // and none wanted (it would show "&lt;" to the user).
      interpolation: { escapeValue: false },
      returnNull: false,
      // No console output of its own: the command line's stdout carries the JSON report.
      showSupportNotice: false,
    });
    instances.set(lang, inst);
  }
  return inst;
}

export function translator(lang: Lang): Translate {
  const inst = instance(lang);
  // i18next's typings want keys known at compile time; ours are built from the catalogues at run time.
  const t = inst.t.bind(inst) as unknown as (key: string, options?: object) => string;
  return (key, params) => t(key, params ?? {});
}

export function isLang(x: unknown): x is Lang {
  return x === 'ja' || x === 'en';
}

const templates = new Map<string, string>();

/**
 * A message whose template is looked up once and filled in here: the same result as the translator for templates
 * with plain {{name}} slots, without i18next's per-call work (reports can hold tens of thousands of findings).
 */
export function fillTemplate(lang: Lang, key: string, params: Readonly<Record<string, unknown>>): string {
  const id = `${lang}\u0000${key}`;
  let tpl = templates.get(id);
  if (tpl === undefined) {
    tpl = translator(lang)(key);
    templates.set(id, tpl);
  }
  return tpl.replace(SLOT, (_, name: string) => {
    const v = params[name];
    return v === undefined || v === null ? '' : String(v);
  });
}

const SLOT = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;
