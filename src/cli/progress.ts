/**
 * Progress of a batch on stderr: a bar redrawn in place on a terminal, one plain line per file otherwise (logs,
 * CI). Quiet when not a terminal and asked to be (--json: stderr then carries only problems).
 */
export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

export interface Progress {
  /** A file is done; status is a short word (問題なし, エラーあり…). */
  tick(file: string, status: string): void;
  /** All done: the bar's line is cleared. */
  end(): void;
}

const WIDTH = 24;

export function progress(stream: ProgressStream, total: number, opts: { quiet: boolean; line: (done: number, file: string, status: string) => string }): Progress {
  let done = 0;
  if (stream.isTTY) {
    let last = 0;
    const draw = (file: string) => {
      const filled = total === 0 ? WIDTH : Math.round((done / total) * WIDTH);
      const head = `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${done}/${total} `;
      // Kept within the terminal's width, so that \r returns to the start of this same line.
      // A pseudo-terminal may report 0 columns.
      const columns = stream.columns !== undefined && stream.columns >= 40 ? stream.columns : 80;
      const room = columns - head.length - 1;
      const name = file.length <= room ? file : room > 1 ? `…${file.slice(file.length - room + 1)}` : '';
      stream.write(`\r${head}${name}\u001b[K`);
    };
    draw('');
    return {
      tick(file) {
        done++;
        // Redraws at most ~20 times a second: hundreds of small files finish faster than a terminal wants lines.
        const now = Date.now();
        if (now - last >= 50 || done === total) {
          last = now;
          draw(file);
        }
      },
      end() {
        stream.write('\r\u001b[K');
      },
    };
  }
  return {
    tick(file, status) {
      done++;
      if (!opts.quiet) stream.write(`${opts.line(done, file, status)}\n`);
    },
    end() {},
  };
}
