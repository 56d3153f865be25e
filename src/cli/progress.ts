import { Presets, SingleBar } from 'cli-progress';

/**
 * A progress bar on stderr (cli-progress) for long imports; silent for short ones and when
 * stderr is not a terminal (CI logs, pipes). `total` may be unknown (a stream): then it counts.
 */
export function progressBar(unit: string, minTotal = 2000) {
  let bar: SingleBar | null = null;
  return {
    update(done: number, total?: number) {
      if (!process.stderr.isTTY) return;
      if (!bar) {
        if (total !== undefined && total < minTotal) return;
        bar = new SingleBar(
          {
            stream: process.stderr,
            format:
              total === undefined
                ? `{value} ${unit}`
                : `[{bar}] {value}/{total} ${unit} · {eta_formatted} left`,
            hideCursor: true,
          },
          Presets.legacy,
        );
        bar.start(total ?? 0, 0);
      }
      if (total !== undefined) bar.setTotal(total);
      bar.update(done);
    },
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}
