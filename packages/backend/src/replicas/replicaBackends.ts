import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CLOUDFLARE_AREAS } from '@cloudflare-backstage/plugin-cloudflare-common';
import {
  DemoAccountServer,
  startDemoAccountServer,
} from '@cloudflare-backstage/cloudflare-demo-account';
import { DemoBackend, startDemoBackend } from '../demo/demoBackend';

/** The PostgreSQL database both replicas share (a knex connection object). */
export interface ReplicaDatabase {
  host: string;
  port: number;
  user: string;
  password?: string;
  database: string;
}

/** Options of {@link startReplicas}. */
export interface ReplicaOptions {
  database: ReplicaDatabase;
  redisUrl: string;
  /** Namespace of this run's keys in Redis, so runs never read each other's cache. */
  cacheNamespace: string;
  /** How often the catalog provider runs, in seconds. */
  providerSeconds: number;
}

/** Two demo backends on one database, one Redis and one demo account. */
export interface Replicas {
  account: DemoAccountServer;
  a: DemoBackend;
  b: DemoBackend;
  /** Stops both backends, then the demo account. */
  stop(): Promise<void>;
}

/**
 * The config both replicas add to app-config.yaml: PostgreSQL with one schema per plugin in the
 * given database (so dropping the database removes everything), the Redis cache, and a catalog
 * provider that imports Workers every `providerSeconds`.
 */
export function replicaConfig(options: ReplicaOptions) {
  return {
    backend: {
      database: {
        client: 'pg',
        connection: options.database,
        pluginDivisionMode: 'schema',
      },
      cache: {
        store: 'redis',
        connection: options.redisUrl,
        redis: { client: { namespace: options.cacheNamespace } },
      },
    },
    cloudflare: {
      entityProvider: {
        schedule: {
          // minutes: 0 overrides app-config.yaml's { minutes: 10 } (config objects merge).
          frequency: { minutes: 0, seconds: options.providerSeconds },
          // A run's claim on the task outlives a replica killed mid-run by this much at most.
          timeout: { minutes: 0, seconds: 15 },
        },
        // Workers only: a run of a few calls, so runs every few seconds stay light on the
        // machine; the Workers list call is the ingestion test's count of runs.
        import: Object.fromEntries(
          CLOUDFLARE_AREAS.map(area => [area.id, area.id === 'workers']),
        ),
      },
    },
  };
}

async function ready(backend: DemoBackend, name: string) {
  await backend.until(
    `replica ${name} to be ready`,
    async () => {
      const res = await fetch(
        `${backend.baseUrl}/.backstage/health/v1/readiness`,
      );
      return res.ok ? true : undefined;
    },
    150_000,
  );
}

/**
 * Starts one demo account and two demo backends (`startDemoBackend`, each its own process) on
 * the same PostgreSQL database and Redis cache. B starts once A is ready: the plugins' migrations
 * run once, on A (knex refuses a second migrator while the first holds its lock).
 */
export async function startReplicas(
  options: ReplicaOptions,
): Promise<Replicas> {
  const account = await startDemoAccountServer({ port: 0 });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'replicas-'));
  const configFile = path.join(dir, 'app-config.replica.yaml');
  // JSON is YAML: the config loader reads it as such.
  writeFileSync(configFile, JSON.stringify(replicaConfig(options), null, 2));
  const started: DemoBackend[] = [];
  const stop = async () => {
    await Promise.all(started.map(backend => backend.stop()));
    await account.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (const name of ['A', 'B']) {
      const backend = await startDemoBackend({
        account,
        configFiles: [configFile],
        // Production-like processes: a file another change touches must not restart a replica mid-test.
        watch: false,
      });
      started.push(backend);
      await ready(backend, name);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { account, a: started[0], b: started[1], stop };
}
