/**
 * The header words detection looks for, in Japanese as the prefecture writes them and in English. Each header cell
 * is classified once (texts repeat: 目標値 実績値 on every table) into a set of tags.
 */
import { foldAndCollapse } from '../values/units';
import { DOWN_WORDS as ENGINE_DOWN_WORDS } from '../evaluate/indicators';

export const TAG = {
  /** 目標項目, モニタリング指標, 項目, Indicator: the column of the indicator names. */
  name: 1 << 0,
  target: 1 << 1, // 目標, 目標値, 計画, Target
  actual: 1 << 2, // 実績, 実績値, Actual
  baseline: 1 << 3, // 現状値, 基準値, Baseline
  stated: 1 << 4, // 目標達成状況, 達成率, Achievement
  category: 1 << 5, // 区分: 目標 / 実績 written on each row
  budget: 1 << 6, // 事業費, 予算額
  previous: 1 << 7, // 前年度
  change: 1 << 8, // 前年度比, 増減
  source: 1 << 9, // 財源
  continuation: 1 << 10, // 継続・新規
  project: 1 << 11, // 事業名
  fyLabel: 1 << 12, // 年度 alone (the year column of a budget block)
  schedule: 1 << 13, // 実施スケジュール, 取組内容, 担当課: not an indicator table
  total: 1 << 14, // 合計
  grade: 1 << 15, // 進展度
  note: 1 << 16, // ※…, 注1: a note under a table
} as const;

/** Headers are short: longer texts are prose, never classified as headers. */
export const MAX_HEADER_LENGTH = 40;

/** Text folded for matching: widths folded, spaces removed, Latin letters lower-cased. */
export function foldKey(text: string): string {
  return foldAndCollapse(text).split(' ').join('').toLowerCase();
}

const NAME_WORDS = /^(目標項目|項目|指標|指標名|成果指標|主指標|副指標|県民指標|活動指標|モニタリング指標|サブ指標|indicators?|items?|kpi)$/;
const TARGET_WORDS = /目標|計画|target|plan/;
const ACTUAL_WORDS = /実績|actual|result/;
const BASELINE_WORDS = /現状値|基準値|現状|baseline/;
const STATED_WORDS = /達成状況|達成率|達成度|achievement|attainment/;
const CATEGORY_WORDS = /^(区分|category|type)$/;
const BUDGET_WORDS = /事業費|予算額|予算|budget|amount/;
const PREVIOUS_WORDS = /前年度|前年|previous|prior/;
const CHANGE_WORDS = /前年度比|前年比|増減|差引|change|difference/;
const SOURCE_WORDS = /^(財源|財源内訳|fundingsource|source)$/;
const CONTINUATION_WORDS = /継続・新規|継続\/新規|新規・継続|継続新規|new\/continuing|continuing\/new|continuation/;
const PROJECT_WORDS = /^(事業名|前年度事業名|事業|project|projectname)$/;
const SCHEDULE_WORDS = /スケジュール|取組内容|担当課|具体的な事業|schedule/;
const TOTAL_WORDS = /^(合計|計|総計|total)$/;

const cache = new Map<string, number>();

/** The tags of a header-like text (0 for prose, values and anything longer than a header). */
export function tagsOf(text: string): number {
  if (text.length === 0 || text.length > MAX_HEADER_LENGTH) return text.startsWith('※') || /^注\d*[:：]/.test(text) ? TAG.note : 0;
  let tags = cache.get(text);
  if (tags !== undefined) return tags;
  const k = foldKey(text);
  tags = 0;
  if (NAME_WORDS.test(k)) tags |= TAG.name;
  if (TARGET_WORDS.test(k)) tags |= TAG.target;
  if (ACTUAL_WORDS.test(k)) tags |= TAG.actual;
  if (BASELINE_WORDS.test(k)) tags |= TAG.baseline;
  if (STATED_WORDS.test(k)) tags = (tags | TAG.stated) & ~TAG.target; // 目標達成状況 is not a target column
  if (CATEGORY_WORDS.test(k)) tags |= TAG.category;
  if (BUDGET_WORDS.test(k)) tags |= TAG.budget;
  if (PREVIOUS_WORDS.test(k)) tags |= TAG.previous;
  if (CHANGE_WORDS.test(k)) tags |= TAG.change;
  if (SOURCE_WORDS.test(k)) tags |= TAG.source;
  if (CONTINUATION_WORDS.test(k)) tags |= TAG.continuation;
  if (PROJECT_WORDS.test(k)) tags |= TAG.project;
  if (k === '年度' || k === 'fy' || k === 'fiscalyear') tags |= TAG.fyLabel;
  if (SCHEDULE_WORDS.test(k)) tags |= TAG.schedule;
  if (TOTAL_WORDS.test(k)) tags |= TAG.total;
  if (k.includes('進展度')) tags |= TAG.grade;
  if (k.startsWith('※') || /^注\d*:/.test(k)) tags |= TAG.note;
  if (cache.size > 10_000) cache.clear(); // bounded: a sheet of unique short texts must not grow it forever
  cache.set(text, tags);
  return tags;
}

/**
 * Whether a text holds a circled number (①–⑳, ㉑–㉟, ㊱–㊿): the labels of several values in one cell (②2件 ③1件).
 * By character codes: detection asks it of every table's first and last target on each row, mostly short figures.
 */
export function hasCircled(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x2460 && c <= 0x2473) || (c >= 0x3251 && c <= 0x325f) || (c >= 0x32b1 && c <= 0x32bf)) return true;
  }
  return false;
}

export const ROLE_TAGS = TAG.target | TAG.actual | TAG.baseline | TAG.stated;
export const BUDGET_TAGS = TAG.budget | TAG.previous | TAG.change | TAG.source | TAG.continuation | TAG.project;

// Words that mark an indicator whose figure should fall. Strong words decide; weak ones only with falling targets.
// Built on the engine's own list, so that a name the engine reads as lower-is-better always is one here too (and a
// name these words miss is one the engine reads as higher-is-better: detection need not ask it again).
export const DOWN_WORDS = new RegExp(`${ENGINE_DOWN_WORDS.source}|倒産|不足|未満|残業|負傷|被害|発生件数|発生率|低下|unemployment|accidents?|deaths?|reduc`);
/** The first characters of a regular expression's alternatives, or null when one starts with a special character. */
function firstChars(re: RegExp): Uint8Array | null {
  const table = new Uint8Array(0x10000);
  for (const alt of re.source.split('|')) {
    const c = alt.charCodeAt(0);
    if (alt.length === 0 || '\\()[].^$?*+{'.includes(alt[0]!)) return null;
    table[c] = 1;
  }
  return table;
}

const DOWN_FIRST = firstChars(DOWN_WORDS);

/** DOWN_WORDS.test, skipping the expression when no character of the name can start one of its words (most names). */
export function hasDownWords(name: string): boolean {
  if (DOWN_FIRST !== null) {
    let may = false;
    for (let i = 0; i < name.length && !may; i++) may = DOWN_FIRST[name.charCodeAt(i)] === 1;
    if (!may) return false;
  }
  return DOWN_WORDS.test(name);
}

export const WEAK_DOWN_WORDS = /率|件数|時間|日数|コスト|費用|負担|数/;
/** Words that mark a rising indicator even when written with 率 (達成率, 就職率 …): no doubt about the direction. */
export const UP_WORDS = /達成率|就職率|満足度|認知度|割合|参加|導入|取得率|開業率|付加価値|実施率|普及率|定着率/;
