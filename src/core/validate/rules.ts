/**
 * The catalogue of validation rules: each with an id, a severity, and its title, description, fix and message
 * template in Japanese and English (frictionless-style). Messages are i18next templates: {{found}}, {{expected}},
 * {{text}}, {{name}}, {{fy}} … are filled in when a finding is shown. docs/RULES.md is generated from this file.
 */

export type Severity = 'error' | 'warning' | 'info';

interface Texts {
  readonly ja: string;
  readonly en: string;
}

export interface Rule {
  readonly id: string;
  readonly severity: Severity;
  readonly title: Texts;
  /** What the rule finds and why it matters. */
  readonly description: Texts;
  /** How the submitter fixes it. */
  readonly fix: Texts;
  readonly message: Texts;
}

const catalogue = [
  {
    id: 'value.unparseable',
    severity: 'warning',
    title: { ja: '数値として読めない値', en: 'Value cannot be read as a number' },
    description: {
      ja: '目標値・実績値・予算額など数値が入るべきセルに、数値として解釈できない内容があります。その年度の達成率は計算されません。',
      en: 'A cell that should hold a number (target, actual, amount) holds something that cannot be read as one. No ratio is computed for that year.',
    },
    fix: {
      ja: '「53 件」「７３，５９７千円」のように数値と単位で記入してください。未確定なら「調査中」などの語で記入できます。',
      en: 'Write a number with its unit, such as "53 件" or "73,597千円". Words such as 調査中 are accepted for figures not yet known.',
    },
    message: { ja: '{{role}}を数値として読めません: {{reason}}', en: 'The {{role}} cannot be read as a number: {{reason}}' },
  },
  {
    id: 'value.error-cell',
    severity: 'error',
    title: { ja: 'エラー値のセル', en: 'Error value in a cell' },
    description: {
      ja: 'セルが Excel のエラー値（#DIV/0!、#N/A など）です。数式の参照先が壊れているか、計算に失敗しています。',
      en: 'The cell holds an Excel error value (#DIV/0!, #N/A, …): a formula failed or refers to something missing.',
    },
    fix: { ja: '数式の参照先を確認し、値を正しく計算できるように直してください。', en: 'Check the formula and what it refers to, so that it computes a value.' },
    message: { ja: '{{role}}がエラー値 {{text}} です', en: 'The {{role}} is the error value {{text}}' },
  },
  {
    id: 'value.unit-mismatch',
    severity: 'warning',
    title: { ja: '単位の不一致', en: 'Units differ' },
    description: {
      ja: '目標値と実績値（または表の単位）で単位が異なります。比べられない値どうしで達成率を計算している可能性があります。',
      en: 'The target and the actual (or the table) are in different units; the ratio may compare unlike figures.',
    },
    fix: { ja: '同じ単位で記入するか、単位を揃えてください。', en: 'Write both figures in the same unit.' },
    message: { ja: '単位が一致しません: 目標「{{expected}}」、実績「{{found}}」', en: 'Units differ: target "{{expected}}", actual "{{found}}"' },
  },
  {
    id: 'value.multiple-values',
    severity: 'warning',
    title: { ja: '1つのセルに複数の値', en: 'Several values in one cell' },
    description: {
      ja: '1つのセルに複数の値（「②2件 ③1件」など）があります。どの値をどの指標として扱うか決まっていないため、最初の値を使いました。',
      en: 'One cell holds several values (e.g. "②2件 ③1件"); the first one was used, as the mapping does not say which belongs to this indicator.',
    },
    fix: {
      ja: '指標ごとに行を分けるか、マッピングで番号（label）を指定してください。',
      en: 'Give each indicator its own row, or name the label (②, ③ …) in the mapping.',
    },
    message: { ja: '1つのセルに {{count}} 個の値があります。最初の値 {{found}} を使いました', en: 'The cell holds {{count}} values; the first, {{found}}, was used' },
  },
  {
    id: 'value.relative-target',
    severity: 'info',
    title: { ja: '基準からの増分で書かれた目標', en: 'Target written relative to a base' },
    description: {
      ja: '目標値が「2018年 3月末実績 +720件」のように基準値からの増分で書かれており、基準値がシートにないため達成率を計算できません。',
      en: 'The target is written as an increase over a base ("2018年 3月末実績 +720件") whose value the sheet does not give, so no ratio can be computed.',
    },
    fix: { ja: '基準値を記入するか、目標値を絶対値で記入してください。', en: 'Give the base value, or write the target as an absolute figure.' },
    message: { ja: '目標値が「{{text}}」からの増分 {{found}} で書かれています', en: 'The target is written as {{found}} over "{{text}}"' },
  },
  {
    id: 'indicator.missing-target',
    severity: 'info',
    title: { ja: '目標値のない実績値', en: 'Actual without a target' },
    description: {
      ja: '実績値はありますが、同じ年度の目標値がありません。達成率は計算されません。',
      en: 'An actual is given but the same year has no target, so no ratio is computed.',
    },
    fix: { ja: '目標値が設定されている場合は記入してください。設定がない年度であれば対応は不要です。', en: 'Fill in the target if one was set; nothing to do if that year had none.' },
    message: { ja: '{{fy}}年度の実績値 {{found}} に対応する目標値がありません', en: 'FY{{fy}} actual {{found}} has no target' },
  },
  {
    id: 'indicator.missing-actual',
    severity: 'warning',
    title: { ja: '実績値の未記入', en: 'Actual missing' },
    description: {
      ja: '評価対象年度までの目標値がありますが、実績値が空欄か「調査中」などの語です。達成状況は「未確定」になります。',
      en: 'A target exists for a year up to the report year but the actual is blank or a word such as 調査中; the point is pending.',
    },
    fix: { ja: '実績値が確定していれば記入してください。', en: 'Fill in the actual once it is known.' },
    message: { ja: '{{fy}}年度の実績値が未記入です（目標値 {{expected}}）{{note}}', en: 'FY{{fy}} actual is missing (target {{expected}}){{note}}' },
  },
  {
    id: 'indicator.cumulative-decrease',
    severity: 'error',
    title: { ja: '累計値の減少', en: 'Cumulative figure decreases' },
    description: {
      ja: '累計・延べの指標で、値が前の年度より減っています。累計は減らないため、記入誤りの可能性が高いです。',
      en: 'A cumulative (累計/延べ) indicator falls below an earlier year; a cumulative count cannot decrease, so a figure is probably wrong.',
    },
    fix: { ja: '各年度の値が累計値（前年度までを含む値）になっているか確認してください。', en: 'Check that each year holds the running total, not the year\'s own count.' },
    message: { ja: '累計値が減少しています: {{previousFy}}年度 {{expected}} → {{fy}}年度 {{found}}', en: 'Cumulative figure decreases: FY{{previousFy}} {{expected}} → FY{{fy}} {{found}}' },
  },
  {
    id: 'indicator.stated-ratio-mismatch',
    severity: 'error',
    title: { ja: '記載の達成状況と計算値の不一致', en: 'Stated achievement differs from the computed one' },
    description: {
      ja: 'シートに記載された目標達成状況（「0.97」「160件(123.1%)」など）が、実績値 ÷ 目標値 の計算結果と一致しません。',
      en: 'The achievement the sheet states (目標達成状況 "0.97", "160件(123.1%)") differs from actual ÷ target.',
    },
    fix: { ja: '実績値・目標値・目標達成状況のいずれかの誤りを確認してください。', en: 'Check the actual, the target and the stated figure.' },
    message: { ja: '記載の達成状況 {{found}} と計算値 {{expected}} が一致しません', en: 'Stated achievement {{found}} differs from the computed {{expected}}' },
  },
  {
    id: 'indicator.target-gap',
    severity: 'warning',
    title: { ja: '目標未達成（要検証）', en: 'Target missed (to review)' },
    description: {
      ja: '達成率が検証の基準（既定 85%）を下回っています。県ではこの水準を下回る項目を検証の対象としています。',
      en: 'The achievement ratio is below the review threshold (85% by default), below which the prefecture reviews an item.',
    },
    fix: { ja: '未達成の要因と今後の対応を記載してください。', en: 'State the reasons and the measures to be taken.' },
    message: { ja: '{{fy}}年度の達成率 {{found}} が基準 {{expected}} を下回っています', en: 'FY{{fy}} ratio {{found}} is below {{expected}}' },
  },
  {
    id: 'budget.change-mismatch',
    severity: 'error',
    title: { ja: '前年度比の不一致', en: 'Change from the previous year does not add up' },
    description: {
      ja: '記載の前年度比が「当年度事業費 − 前年度事業費」と一致しません（表示単位の丸めによる差は許容します）。',
      en: 'The stated 前年度比 differs from this year\'s amount minus last year\'s (beyond the rounding of the display unit).',
    },
    fix: { ja: '当年度・前年度の事業費と前年度比を確認してください。', en: 'Check both amounts and the stated change.' },
    message: { ja: '前年度比 {{found}} と計算値 {{expected}} が一致しません', en: 'Stated change {{found}} differs from the computed {{expected}}' },
  },
  {
    id: 'budget.total-mismatch',
    severity: 'error',
    title: { ja: '合計の不一致', en: 'Total does not add up' },
    description: {
      ja: '合計欄の金額が各事業の金額の和と一致しません（各金額の表示単位の丸めによる差は許容します）。',
      en: 'The total differs from the sum of the projects (beyond the rounding of each amount\'s display unit).',
    },
    fix: { ja: '合計欄と各事業の金額を確認してください。', en: 'Check the total and the amounts.' },
    message: { ja: '合計 {{found}} と各事業の和 {{expected}} が一致しません', en: 'Total {{found}} differs from the sum {{expected}}' },
  },
  {
    id: 'budget.source-unknown',
    severity: 'warning',
    title: { ja: '不明な財源', en: 'Unknown funding source' },
    description: {
      ja: '財源が 国・県・市・町・村・自 とその組合せ（「県・市」など）のいずれでもありません。PDF からの転記で「自」が「白」になる誤りがよくあります。',
      en: 'The 財源 is none of 国, 県, 市, 町, 村, 自 or their combinations (県・市 …). Copying from PDF often turns 自 into 白.',
    },
    fix: { ja: '財源を正しく記入してください。', en: 'Write the funding source correctly.' },
    message: { ja: '財源「{{found}}」は不明です{{suggestion}}', en: 'Unknown funding source "{{found}}"{{suggestion}}' },
  },
  {
    id: 'budget.new-with-previous',
    severity: 'warning',
    title: { ja: '新規事業に前年度事業費', en: 'New project with a previous amount' },
    description: {
      ja: '「新規」の事業に前年度事業費が記入されています。継続事業の誤りか、前年度事業費の誤記の可能性があります。',
      en: 'A project marked 新規 (new) has a previous-year amount: either it is a continuing project or the amount is wrong.',
    },
    fix: { ja: '継続・新規の区分と前年度事業費を確認してください。', en: 'Check the 継続・新規 mark and the previous amount.' },
    message: { ja: '新規事業に前年度事業費 {{found}} があります', en: 'New project has a previous amount of {{found}}' },
  },
  {
    id: 'sheet.fiscal-year-unparsed',
    severity: 'error',
    title: { ja: '年度を読めない見出し', en: 'Fiscal year header cannot be read' },
    description: {
      ja: '年度の見出し（「令和元年度」「２年度」「(R2)」など）から年度を判定できません。その列は評価されません。',
      en: 'A year header (令和元年度, ２年度, (R2) …) cannot be read as a fiscal year; that column is not evaluated.',
    },
    fix: { ja: '「令和3年度」「R3年度」のように元号付きで記入するか、マッピングで年度を指定してください。', en: 'Write the year with its era (令和3年度, R3年度), or give the year in the mapping.' },
    message: { ja: '見出し「{{text}}」から年度を判定できません', en: 'Cannot read a fiscal year from the header "{{text}}"' },
  },
  {
    id: 'sheet.hidden-row',
    severity: 'info',
    title: { ja: '非表示の行', en: 'Hidden row' },
    description: {
      ja: '評価の対象の行が非表示になっています。値は評価に含めていますが、画面や印刷では見えません。',
      en: 'A row that holds mapped data is hidden: it is evaluated, but does not show on screen or in print.',
    },
    fix: { ja: '意図した非表示か確認してください。', en: 'Check that the row is meant to be hidden.' },
    message: { ja: '{{row}}行目は非表示ですが、評価に含めています', en: 'Row {{row}} is hidden but evaluated' },
  },
  {
    id: 'mapping.sheet-missing',
    severity: 'error',
    title: { ja: 'シートがない', en: 'Sheet not found' },
    description: {
      ja: 'マッピングが指すシートがブックにありません。シート名が変わったか、別の様式のブックです。',
      en: 'The workbook has no sheet of the name the mapping gives: it was renamed, or the workbook is of another form.',
    },
    fix: { ja: 'シート名を確認し、マッピングを直してください。', en: 'Check the sheet name and correct the mapping.' },
    message: { ja: 'シート「{{text}}」がありません', en: 'No sheet named "{{text}}"' },
  },
] as const satisfies readonly Rule[];

export type RuleId = (typeof catalogue)[number]['id'];

export const RULES: readonly Rule[] = catalogue;

const byId = new Map<string, Rule>(catalogue.map((r) => [r.id, r]));

export function rule(id: RuleId): Rule {
  return byId.get(id)!;
}

/** i18next resources of the rule texts: rule.<id>.message and so on. */
export function ruleResources(lang: 'ja' | 'en'): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const r of catalogue) {
    out[r.id] = { title: r.title[lang], description: r.description[lang], fix: r.fix[lang], message: r.message[lang] };
  }
  return out;
}
