import { readFileSync } from 'node:fs';

/**
 * Polls a child process's peak resident memory (VmHWM in /proc, Linux) every 100 ms; the
 * returned function stops polling and gives the highest value seen, in MB (0 elsewhere).
 */
export function watchPeakRss(pid: number | undefined): () => number {
  let peakKb = 0;
  const poll = setInterval(() => {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) peakKb = Math.max(peakKb, Number(m[1]));
    } catch {
      // Exited, or not Linux: the peak stays what was seen.
    }
  }, 100);
  return () => {
    clearInterval(poll);
    return peakKb / 1024;
  };
}
