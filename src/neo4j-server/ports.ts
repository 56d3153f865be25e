import { createServer } from 'node:net';
import getPort from 'get-port';
import { ConfigError } from '../config.js';

/**
 * A free loopback port. get-port also keeps a port it handed out from being handed out again by
 * this process for a while, so servers started side by side (tests, the benchmark) never collide.
 */
export const freePort = () => getPort({ host: '127.0.0.1' });

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
