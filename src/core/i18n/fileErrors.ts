/**
 * Why a submitted file could not be read, and what to tell the person who submitted it.
 * The messages are i18next strings keyed `code` or `code_detail` (i18next's context convention, so
 * `t(code, { context: detail })` finds the same message and falls back to the code alone).
 */

export type FileErrorCode = 'not-found' | 'not-xlsx' | 'encrypted' | 'too-large' | 'corrupt' | 'empty' | 'unreadable';

export interface FileError {
  code: FileErrorCode;
  /** What kind of file it seems to be, or which limit was hit: 'xls', 'csv', 'inflated', 'truncated'… */
  detail?: string;
  /** Values for the message ({{sizeMiB}}, {{limitMiB}}) and for diagnostics (reason). */
  params?: Record<string, string | number>;
}

type Messages = Readonly<Record<string, string>>;

const ja: Messages = {
  'not-found': 'ファイルが見つかりません。ファイル名と保存場所を確認してください。',
  unreadable: 'ファイルを読み込めませんでした。ほかのアプリで開いていないか確認してから、もう一度お試しください。',
  unreadable_directory: '指定されたのはフォルダです。Excel ファイル（.xlsx）を指定してください。',
  'unreadable_not-a-file': '指定されたものは通常のファイルではありません。Excel ファイル（.xlsx）を指定してください。',
  unreadable_permission: 'ファイルを読み込む権限がありません。ファイルのアクセス権を確認してください。',
  unreadable_environment: 'この環境ではファイルを安全に展開できないため、読み込みを中止しました。Excel（またはブラウザー）を最新版に更新してから、もう一度お試しください。',

  'not-xlsx': 'Excel ブック（.xlsx）ではないため読み込めません。Excel で開き、「Excel ブック (*.xlsx)」形式で保存し直してから、もう一度お試しください。',
  'not-xlsx_empty-file': 'ファイルが空です（0 バイト）。保存やコピーが途中で失敗した可能性があります。元のファイルをもう一度受け取ってください。',
  'not-xlsx_xls': '古い Excel 形式（.xls）のファイルです。Excel で開き、「ファイル」→「名前を付けて保存」で「Excel ブック (*.xlsx)」形式で保存し直してから、もう一度お試しください。',
  'not-xlsx_csv': 'CSV などの区切り文字で区切られたテキストファイルのようです（拡張子だけが .xlsx になっている可能性があります）。Excel で開き、「Excel ブック (*.xlsx)」形式で保存し直してください。',
  'not-xlsx_text': 'テキストファイルのようです（拡張子だけが .xlsx になっている可能性があります）。元の Excel ブック（.xlsx）を使ってください。',
  'not-xlsx_html': 'Web ページ（HTML）形式で保存されたファイルのようです。Excel で開き、「Excel ブック (*.xlsx)」形式で保存し直してください。',
  'not-xlsx_xml-spreadsheet': 'XML スプレッドシート 2003 形式のファイルです。Excel で開き、「Excel ブック (*.xlsx)」形式で保存し直してください。',
  'not-xlsx_pdf': 'PDF ファイルです。数値を確認するには、元の Excel ブック（.xlsx）を提出してもらってください。',
  'not-xlsx_doc': 'Word 文書（.doc）のようです。様式の Excel ブック（.xlsx）を指定してください。',
  'not-xlsx_docx': 'Word 文書（.docx）のようです。様式の Excel ブック（.xlsx）を指定してください。',
  'not-xlsx_ppt': 'PowerPoint ファイル（.ppt）のようです。様式の Excel ブック（.xlsx）を指定してください。',
  'not-xlsx_pptx': 'PowerPoint ファイル（.pptx）のようです。様式の Excel ブック（.xlsx）を指定してください。',
  'not-xlsx_xlsb': 'Excel バイナリブック（.xlsb）形式です。Excel で開き、「Excel ブック (*.xlsx)」形式で保存し直してください。',
  'not-xlsx_ods': 'OpenDocument スプレッドシート（.ods）形式です。LibreOffice Calc などで開き、「Excel 2007-365 (.xlsx)」形式で保存し直してください。',
  'not-xlsx_zip': 'ZIP 形式ですが Excel ブックではありません。ZIP を展開して中の Excel ブック（.xlsx）を指定してください。',
  'not-xlsx_compression': 'Excel ブックでは使われない方式で圧縮されています（圧縮ソフトなどで作り直された可能性があります）。Excel で保存した元のファイル（.xlsx）を使うか、Excel で開けるなら「Excel ブック (*.xlsx)」形式で保存し直してください。',

  encrypted: 'パスワードで保護（暗号化）されているため読み込めません。Excel で開いてパスワードを解除し、保存し直してから、もう一度お試しください。',
  'too-large': 'ファイルが大きすぎます（{{sizeMiB}} MB、上限 {{limitMiB}} MB）。不要なシートや画像を削除して保存し直してから、もう一度お試しください。',
  'too-large_inflated': 'ファイルを展開すると非常に大きくなる（または中身の数が非常に多い）ため、安全のため読み込みを中止しました。不要なシートや画像を削除して保存し直してください。',
  corrupt: 'ファイルが壊れているため読み込めません。Excel で開けるか確認し、開ける場合は保存し直してから、もう一度お試しください。',
  corrupt_truncated: 'ファイルが途中で切れているようです（ダウンロードやコピーが完了していない可能性があります）。元のファイルをもう一度受け取ってください。',
  corrupt_content: 'ブックの中身を読み取れませんでした。Excel で開いて「Excel ブック (*.xlsx)」形式で保存し直してから、もう一度お試しください。',
  empty: 'すべてのシートが空のため、確認する内容がありません。入力済みのファイルか確認してください。',
  'empty_no-sheets': 'ワークシートが 1 枚もないため、確認する内容がありません。入力済みのファイルか確認してください。',
};

const en: Messages = {
  'not-found': 'The file was not found. Check the file name and folder.',
  unreadable: 'The file could not be read. Make sure no other program has it open, then try again.',
  unreadable_directory: 'This is a folder. Give an Excel workbook (.xlsx).',
  'unreadable_not-a-file': 'This is not a regular file. Give an Excel workbook (.xlsx).',
  unreadable_permission: 'You do not have permission to read this file. Check its access rights.',
  unreadable_environment: 'This environment cannot expand the file safely, so it was not opened. Update Excel (or the browser) to the latest version, then try again.',

  'not-xlsx': 'This is not an Excel workbook (.xlsx). Open it in Excel, save it as "Excel Workbook (*.xlsx)", then try again.',
  'not-xlsx_empty-file': 'The file is empty (0 bytes); saving or copying it may have failed. Get the original file again.',
  'not-xlsx_xls': 'This is an old Excel file (.xls). Open it in Excel and use File → Save As → "Excel Workbook (*.xlsx)", then try again.',
  'not-xlsx_csv': 'This looks like a CSV or other delimited text file (perhaps only renamed to .xlsx). Open it in Excel and save it as "Excel Workbook (*.xlsx)".',
  'not-xlsx_text': 'This looks like a text file (perhaps only renamed to .xlsx). Use the original Excel workbook (.xlsx).',
  'not-xlsx_html': 'This looks like a file saved as a web page (HTML). Open it in Excel and save it as "Excel Workbook (*.xlsx)".',
  'not-xlsx_xml-spreadsheet': 'This is an XML Spreadsheet 2003 file. Open it in Excel and save it as "Excel Workbook (*.xlsx)".',
  'not-xlsx_pdf': 'This is a PDF file. To check the figures, ask for the original Excel workbook (.xlsx).',
  'not-xlsx_doc': 'This looks like a Word document (.doc). Give the Excel workbook (.xlsx) of the form.',
  'not-xlsx_docx': 'This looks like a Word document (.docx). Give the Excel workbook (.xlsx) of the form.',
  'not-xlsx_ppt': 'This looks like a PowerPoint file (.ppt). Give the Excel workbook (.xlsx) of the form.',
  'not-xlsx_pptx': 'This looks like a PowerPoint file (.pptx). Give the Excel workbook (.xlsx) of the form.',
  'not-xlsx_xlsb': 'This is an Excel Binary Workbook (.xlsb). Open it in Excel and save it as "Excel Workbook (*.xlsx)".',
  'not-xlsx_ods': 'This is an OpenDocument Spreadsheet (.ods). Open it in LibreOffice Calc or Excel and save it as .xlsx.',
  'not-xlsx_zip': 'This is a ZIP archive, not an Excel workbook. Extract it and give the Excel workbook (.xlsx) inside.',
  'not-xlsx_compression': 'The file is compressed in a way Excel workbooks never use (an archiving tool may have re-packed it). Use the original workbook as saved by Excel (.xlsx), or, if Excel opens it, save it again as "Excel Workbook (*.xlsx)".',

  encrypted: 'The workbook is password-protected (encrypted). Open it in Excel, remove the password, save it, then try again.',
  'too-large': 'The file is too large ({{sizeMiB}} MB; the limit is {{limitMiB}} MB). Remove unneeded sheets or images, save it, then try again.',
  'too-large_inflated': 'The file would expand to a very large size (or holds very many parts), so it was not opened, for safety. Remove unneeded sheets or images and save it again.',
  corrupt: 'The file is damaged and cannot be read. Check whether Excel can open it; if so, save it again and retry.',
  corrupt_truncated: 'The file seems to be cut off (a download or copy may not have finished). Get the original file again.',
  corrupt_content: 'The contents of the workbook could not be read. Open it in Excel, save it as "Excel Workbook (*.xlsx)", then try again.',
  empty: 'All sheets are empty: there is nothing to check. Make sure this is the filled-in file.',
  'empty_no-sheets': 'The workbook has no worksheets: there is nothing to check. Make sure this is the filled-in file.',
};

export const fileErrorMessages = { ja, en } as const;

/** The message key for an error: `code_detail` when there is a message for it, else `code`. */
export function fileErrorKey(e: FileError): string {
  if (e.detail) {
    const key = `${e.code}_${e.detail}`;
    if (Object.prototype.hasOwnProperty.call(ja, key)) return key;
  }
  return e.code;
}
