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

/** A template cut at its slots: text[0] name[0] text[1] name[1] … text[n]. */
export interface Compiled {
  readonly text: readonly string[];
  readonly names: readonly string[];
}

const templates: Record<Lang, Map<string, Compiled>> = { ja: new Map(), en: new Map() };

const SLOT = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

function compile(template: string): Compiled {
  const text: string[] = [];
  const names: string[] = [];
  let last = 0;
  for (const m of template.matchAll(SLOT)) {
    text.push(template.slice(last, m.index));
    names.push(m[1]!);
    last = m.index + m[0].length;
  }
  text.push(template.slice(last));
  return { text, names };
}

/**
 * A message whose template is looked up and cut at its slots once, then filled in here: the same result as the
 * translator for templates with plain {{name}} slots, without i18next's per-call work (reports can hold tens of
 * thousands of findings).
 */
export function fillTemplate(lang: Lang, key: string, params: Readonly<Record<string, unknown>>, fallback?: Readonly<Record<string, unknown>>): string {
  return fillSlots(compiledTemplate(lang, key), paramSlot, { params, fallback });
}

/** A slot filled from params, else from the fallback: as if filled with { ...fallback, ...defined params }. */
function paramSlot(name: string, p: { params: Readonly<Record<string, unknown>>; fallback?: Readonly<Record<string, unknown>> }): string {
  let v = p.params[name];
  if (v === undefined && p.fallback !== undefined) v = p.fallback[name];
  return v === undefined || v === null ? '' : String(v);
}

/** A compiled template with each slot's text from `slot(name, ctx)`, asked only for the slots the template names. */
export function fillSlots<C>(tpl: Compiled, slot: (name: string, ctx: C) => string, ctx: C): string {
  let out = tpl.text[0]!;
  for (let i = 0; i < tpl.names.length; i++) out += slot(tpl.names[i]!, ctx) + tpl.text[i + 1]!;
  return out;
}

/** The template of a message key, cut at its slots (once per language and key). */
export function compiledTemplate(lang: Lang, key: string): Compiled {
  const cache = templates[lang];
  let tpl = cache.get(key);
  if (tpl === undefined) {
    tpl = compile(translator(lang)(key));
    cache.set(key, tpl);
  }
  return tpl;
}
