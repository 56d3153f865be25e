import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('loadConfig', () => {
  it('uses the managed local Neo4j and port 4000 when nothing is set', () => {
    const c = loadConfig({ HOME: '/home/x' });
    expect(c.port).toBe(4000);
    expect(c.host).toBe('127.0.0.1');
    expect(c.neo4j.kind).toBe('managed');
    if (c.neo4j.kind === 'managed') {
      expect(c.neo4j.dataDir.endsWith('.data/neo4j')).toBe(true);
      expect(c.neo4j.cacheDir).toBe('/home/x/.cache/paper-graph');
      expect(c.neo4j.database).toBe('neo4j');
    }
  });

  it('uses an external server when NEO4J_URI is set, for every Neo4j URI scheme', () => {
    for (const uri of ['bolt://db:7687', 'neo4j://db', 'neo4j+s://abc.databases.neo4j.io']) {
      const c = loadConfig({ NEO4J_URI: uri, NEO4J_PASSWORD: 'pw', NEO4J_DATABASE: 'papers' });
      expect(c.neo4j).toEqual({ kind: 'external', uri, user: 'neo4j', password: 'pw', database: 'papers' });
    }
  });

  it('names every bad variable in one message', () => {
    const bad = () => loadConfig({ NEO4J_URI: 'http://db:7474', PORT: 'eighty' });
    expect(bad).toThrow(ConfigError);
    expect(bad).toThrow(/NEO4J_URI must be a neo4j:\/\/.*PORT must be a number/);
  });

  it('requires NEO4J_PASSWORD with NEO4J_URI', () => {
    expect(() => loadConfig({ NEO4J_URI: 'bolt://db:7687' })).toThrow(
      'Invalid environment: NEO4J_PASSWORD is required when NEO4J_URI is set.',
    );
  });

  it('rejects a port out of range', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow('PORT must be between 1 and 65535');
  });

  it('returns a frozen object', () => {
    expect(Object.isFrozen(loadConfig({}))).toBe(true);
  });
});
