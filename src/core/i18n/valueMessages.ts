/**
 * What each reason a cell cannot be read as a value means, for the officials who fix the sheet (Japanese first).
 * i18next strings: {{text}} is the cell's content as the parser kept it (shortened when long).
 */
import type { ParseFailureReason } from '../values/types';

type ValueMessageBundle = Readonly<Record<ParseFailureReason, string>>;

const ja: ValueMessageBundle = {
  'error-cell': 'セルがエラー値（{{text}}）になっています。数式や参照先を確認してください。',
  boolean: '数値を入れる欄に TRUE / FALSE（{{text}}）が入っています。',
  date: '数値を入れる欄に日付（{{text}}）が入っています。',
  'too-long': '文が長すぎるため数値として読めません: 「{{text}}」',
  code: '事業番号などのコードのため、数値として扱いません: 「{{text}}」',
  unlabelled: '目標と実績を同じセルから読む表ですが、「目標」「実績」の語がなく、どちらの値かわかりません: 「{{text}}」',
  unrecognized: '数値として読めません: 「{{text}}」',
};

const en: ValueMessageBundle = {
  'error-cell': 'The cell holds an error value ({{text}}). Check the formula or what it refers to.',
  boolean: 'A TRUE / FALSE value ({{text}}) is where a number is expected.',
  date: 'A date ({{text}}) is where a number is expected.',
  'too-long': 'The text is too long to be read as a number: "{{text}}"',
  code: 'This looks like a project code, not a quantity: "{{text}}"',
  unlabelled: 'The target and the actual are read from this one cell, but the value is not labelled 目標 or 実績, so which it is cannot be told: "{{text}}"',
  unrecognized: 'Cannot be read as a number: "{{text}}"',
};

export const valueMessages = { ja, en } as const;
