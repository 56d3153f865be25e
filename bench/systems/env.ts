import neo4j, { type Driver } from 'neo4j-driver';

/** The connection and port every system under test gets from the benchmark (loopback only). */
export function systemEnv(): { driver: Driver; port: number } {
  const need = (k: string) => {
    const v = process.env[k];
    if (!v) throw new Error(`${k} is not set; the benchmark runner sets it.`);
    return v;
  };
  const driver = neo4j.driver(
    need('NEO4J_URI'),
    neo4j.auth.basic(need('NEO4J_USER'), need('NEO4J_PASSWORD')),
    {
      disableLosslessIntegers: true,
    },
  );
  return { driver, port: Number(need('PORT')) };
}

/** Listens on loopback only; the runner polls the port until it answers. */
export function announce(server: import('node:http').Server, port: number): void {
  server.listen(port, '127.0.0.1');
}
