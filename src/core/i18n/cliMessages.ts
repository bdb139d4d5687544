/** Sentences of the command line (its readable summary and its usage errors). */
export const cliMessages = {
  ja: {
    usage:
      '使い方: tassei check [--json] [--out DIR] [--force] [--mapping FILE] [--fy YEAR] [--lang ja|en] [--jobs N] [--summary-only] FILE.xlsx... | DIR...\n' +
      '  --json           結果を JSON で標準出力に出します\n' +
      '  --out DIR        フラグと集計シートを付けたブックを DIR/<名前>.checked.xlsx に書きます（元のファイルは変更しません）\n' +
      '  --force          既存の出力ファイルを上書きします\n' +
      '  --mapping FILE   表の位置を定めたマッピング（JSON）。省略時は <名前>.tassei.json を探します\n' +
      '  --fy YEAR        評価年度（西暦。例: 令和3年度なら 2021）\n' +
      '  --lang ja|en     メッセージの言語（既定: ja）\n' +
      '  --jobs N         複数ファイルを同時にチェックする数（既定: CPU のコア数）\n' +
      '  --summary-only   複数ファイルのとき DIR/summary.xlsx（全ファイルの集計）だけを書き、各ファイルのチェック済みブックは書きません\n' +
      '  フォルダー（DIR）を指定すると、その中の Excel ファイルをまとめてチェックし、--out DIR に summary.xlsx を書きます',
    unknownCommand: '不明なコマンドです: {{command}}',
    badOption: 'オプションが正しくありません: {{message}}',
    noFiles: 'チェックするファイルを指定してください。',
    badFy: '--fy には西暦の年度（例: 2021）を指定してください: {{value}}',
    badLang: '--lang には ja か en を指定してください: {{value}}',
    badJobs: '--jobs には 1 以上の整数を指定してください: {{value}}',
    mappingUnreadable: 'マッピング {{file}} を読めません: {{message}}',
    mappingInvalid: 'マッピング {{file}} が正しくありません:',
    noMapping: '{{file}} の表の位置がわかりません。--mapping でマッピングを指定するか、{{sidecar}} を置いてください。',
    outputExists: '{{output}} は既にあります。上書きするには --force を付けてください。',
    outputIsInput: '出力先 {{output}} が入力ファイルと同じです。元のファイルは書き換えません。',
    outputFailed: '{{output}} を書けませんでした: {{message}}',
    fileHeader: '■ {{file}}',
    mappingUsed: 'マッピング: {{mapping}}',
    mappingDetected: 'マッピング: 自動検出（表の候補 {{proposed}} 件のうち {{applied}} 件を適用）',
    mappingDetectedUnsure: '  要確認 {{count}} 点: {{notes}}',
    reportFy: '評価年度: {{fy}}年度',
    reportFyNone: '評価年度: なし（実績値のない計画）',
    tables: '表 {{tables}} 件（指標 {{indicators}} 件、予算 {{budgets}} 事業）',
    points: '達成状況（{{points}} 点）: 達成 {{met}} · 概ね達成 {{nearly}} · 未達成 {{gap}} · 未確定 {{pending}} · 目標なし {{noTarget}}',
    budgetTotal: '予算（{{unit}}）: {{fy}}年度 {{amount}}、前年度 {{previous}}、前年度比 {{change}}',
    findings: '検証: エラー {{errors}} · 警告 {{warnings}} · 情報 {{infos}}',
    findingLine: '  [{{severity}}] {{where}} {{message}}',
    moreFindings: '  …ほか {{count}} 件（--json またはチェック済みブックの「検証結果」シートで全件を確認できます）',
    written: '→ {{output}} に書き出しました',
    failed: '読み込めません: {{message}}',
    totals: '合計: {{files}} ファイル（読めなかったもの {{failedFiles}}）、指標 {{indicators}}、達成 {{met}} · 概ね達成 {{nearly}} · 未達成 {{gap}} · 未確定 {{pending}}、エラー {{errors}} · 警告 {{warnings}}',
  },
  en: {
    usage:
      'Usage: tassei check [--json] [--out DIR] [--force] [--mapping FILE] [--fy YEAR] [--lang ja|en] [--jobs N] [--summary-only] FILE.xlsx... | DIR...\n' +
      '  --json           print the report as JSON on stdout\n' +
      '  --out DIR        write the workbook with flags and summary sheets to DIR/<name>.checked.xlsx (inputs are never written)\n' +
      '  --force          overwrite existing outputs\n' +
      '  --mapping FILE   the mapping (JSON) of the tables; by default <name>.tassei.json beside the workbook\n' +
      '  --fy YEAR        the fiscal year under report (Western year it starts in, e.g. 2021 for 令和3年度)\n' +
      '  --lang ja|en     language of messages (default: ja)\n' +
      '  --jobs N         files checked at the same time (default: the number of CPU cores)\n' +
      '  --summary-only   with several files, write DIR/summary.xlsx (all files consolidated) and no checked copy of each file\n' +
      '  A folder (DIR) checks the Excel files in it together; with --out DIR, summary.xlsx is written there',
    unknownCommand: 'Unknown command: {{command}}',
    badOption: 'Bad option: {{message}}',
    noFiles: 'Name the workbooks to check.',
    badFy: '--fy takes a fiscal year such as 2021: {{value}}',
    badLang: '--lang takes ja or en: {{value}}',
    badJobs: '--jobs takes a whole number of 1 or more: {{value}}',
    mappingUnreadable: 'Cannot read the mapping {{file}}: {{message}}',
    mappingInvalid: 'The mapping {{file}} is not valid:',
    noMapping: 'No mapping for {{file}}: give one with --mapping, or put {{sidecar}} beside it.',
    outputExists: '{{output}} exists already; add --force to overwrite it.',
    outputIsInput: 'The output {{output}} is the input file itself; inputs are never written.',
    outputFailed: 'Could not write {{output}}: {{message}}',
    fileHeader: '■ {{file}}',
    mappingUsed: 'Mapping: {{mapping}}',
    mappingDetected: 'Mapping: detected ({{applied}} of {{proposed}} proposed tables applied)',
    mappingDetectedUnsure: '  To confirm ({{count}}): {{notes}}',
    reportFy: 'Report year: FY{{fy}}',
    reportFyNone: 'Report year: none (a plan with no actuals)',
    tables: '{{tables}} tables ({{indicators}} indicators, {{budgets}} projects)',
    points: 'Achievement ({{points}} points): met {{met}} · nearly {{nearly}} · missed {{gap}} · pending {{pending}} · no target {{noTarget}}',
    budgetTotal: 'Budget ({{unit}}): FY{{fy}} {{amount}}, previous {{previous}}, change {{change}}',
    findings: 'Checks: {{errors}} errors · {{warnings}} warnings · {{infos}} notes',
    findingLine: '  [{{severity}}] {{where}} {{message}}',
    moreFindings: '  … and {{count}} more (see --json, or the Findings sheet of the checked workbook)',
    written: '→ wrote {{output}}',
    failed: 'Cannot read: {{message}}',
    totals: 'Total: {{files}} files ({{failedFiles}} unreadable), {{indicators}} indicators, met {{met}} · nearly {{nearly}} · missed {{gap}} · pending {{pending}}, {{errors}} errors · {{warnings}} warnings',
  },
} as const;
