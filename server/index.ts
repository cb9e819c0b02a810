// Embeddable entry: the app (npm start) and tests start the server in-process with this.
import type { AddressInfo } from 'node:net';
import { openDb, type Db, type OpenDbOptions } from './db/db';
import { migrate } from './db/migrate';
import { buildApp, type AppOptions } from './http/app';
import { fsBlobStore, type BlobStore } from './pages/blobStore';

export type { Db } from './db/db';
export { openDb } from './db/db';
export { migrate } from './db/migrate';

export interface StartServerOptions extends Omit<AppOptions, 'db' | 'blobs'> {
  /** Page bytes: a blob store, or the folder of the filesystem one (default: see AppOptions.blobs). */
  blobs?: BlobStore | string;
  /** An open database, or how to open one (PGlite in memory when omitted). */
  db?: Db | OpenDbOptions;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1; use 0.0.0.0 to serve windows on the network. */
  host?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  db: Db;
  close(): Promise<void>;
}

export async function startServer(opts: StartServerOptions = {}): Promise<RunningServer> {
  const given = opts.db && 'query' in opts.db ? opts.db : null;
  const db = given ?? (await openDb((opts.db as OpenDbOptions | undefined) ?? {}));
  await migrate(db);
  const blobs = typeof opts.blobs === 'string' ? fsBlobStore(opts.blobs) : opts.blobs;
  const { app } = buildApp({ ...opts, db, blobs });
  await app.listen({ port: opts.port ?? 0, host: opts.host ?? '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const host = opts.host && opts.host !== '0.0.0.0' ? opts.host : '127.0.0.1';
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    db,
    async close() {
      await app.close();
      // A database handed in belongs to the caller.
      if (!given) await db.close();
    },
  };
}
