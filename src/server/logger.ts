import { pino } from 'pino';

/** Structured JSON logs on stderr; tests pass level "silent". */
export function createLogger(level = 'info') {
  return pino({ level, base: { service: 'paper-graph' } }, pino.destination(2));
}
export type Logger = ReturnType<typeof createLogger>;
