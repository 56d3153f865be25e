import { createServer } from 'node:net';
import { ConfigError } from '../config.js';

/** Asks the OS for a free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.unref();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => res(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

/** Fails with a clear message when something already listens on the port. */
export function assertPortFree(port: number, host = '127.0.0.1', what = 'Neo4j Bolt'): Promise<void> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', (err: NodeJS.ErrnoException) =>
      rej(
        new ConfigError(
          err.code === 'EADDRINUSE'
            ? `Port ${port} on ${host} (wanted for ${what}) is already in use by another program. Stop that program or choose another port.`
            : `Cannot listen on ${host}:${port} for ${what}: ${err.message}.`,
        ),
      ),
    );
    s.listen(port, host, () => s.close(() => res()));
  });
}
