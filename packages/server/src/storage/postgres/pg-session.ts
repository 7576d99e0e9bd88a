/**
 * Connections of the PostgreSQL adapter: a `pg` pool whose sessions run with `jit=off` (analytic
 * queries here are short; JIT compile time dominated them) and `synchronous_commit=on` (a commit is
 * the durability point of ingest, decision 0003), plus query and transaction helpers that turn
 * unique-constraint errors into the port's UniqueViolationError.
 */
import pg from "pg";
import { UniqueViolationError } from "../store.js";

/** A row as `pg` returns it (timestamptz as Date, int8 as number). */
export type Row = Record<string, unknown>;

/** A query parameter. */
export type Param = string | number | boolean | Date | null | readonly number[] | readonly string[];

/** A client inside a transaction. */
export type TxClient = pg.PoolClient;

/** What the store modules share. */
export interface PgContext {
  readonly pool: pg.Pool;
  readonly query: (sql: string, params?: readonly Param[]) => Promise<Row[]>;
  readonly execute: (sql: string, params?: readonly Param[]) => Promise<number>;
  readonly inTransaction: <T>(work: (client: TxClient) => Promise<T>) => Promise<T>;
}

/** Constraint name → the field UniqueViolationError reports. */
const uniqueFields: Record<string, string> = {
  workspaces_slug_key: "slug",
  models_workspace_name_key: "name",
  model_versions_model_name_key: "name",
  segments_model_name_key: "name",
  users_username_key: "username",
};

function toPgError(error: unknown): unknown {
  const pgError = error as { code?: string; constraint?: string };
  if (pgError.code === "23505" && pgError.constraint !== undefined) {
    const field = uniqueFields[pgError.constraint];
    if (field !== undefined) return new UniqueViolationError(field);
  }
  return error;
}

type TypeId = Parameters<typeof pg.types.getTypeParser>[0];

/** int8 (counts, sequence numbers) as a JS number; every other type as `pg` parses it. */
function readTypeParser(oid: TypeId): (value: string) => unknown {
  if (oid === pg.types.builtins.INT8) return Number;
  return pg.types.getTypeParser(oid) as (value: string) => unknown;
}

/** A SQL identifier safe to interpolate (schema names come from configuration). */
export function assertSafeSchemaName(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`unsafe schema name ${JSON.stringify(name)}`);
  return name;
}

/** Creates the pool; `schema` (when given) is the session's search_path. */
export function createPgPool(options: {
  readonly url: string;
  readonly schema?: string | undefined;
  readonly maxConnections: number;
}): pg.Pool {
  const settings = ["-c jit=off", "-c synchronous_commit=on", "-c timezone=UTC"];
  if (options.schema !== undefined) settings.push(`-c search_path=${assertSafeSchemaName(options.schema)}`);
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.maxConnections,
    options: settings.join(" "),
    types: { getTypeParser: readTypeParser as typeof pg.types.getTypeParser },
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on("error", () => undefined);
  return pool;
}

/** The query helpers over a pool. */
export function createPgContext(pool: pg.Pool): PgContext {
  return {
    pool,
    async query(sql, params = []) {
      try {
        return (await pool.query(sql, params as unknown[])).rows as Row[];
      } catch (error) {
        throw toPgError(error);
      }
    },
    async execute(sql, params = []) {
      try {
        return (await pool.query(sql, params as unknown[])).rowCount ?? 0;
      } catch (error) {
        throw toPgError(error);
      }
    },
    async inTransaction(work) {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query("BEGIN");
        const result = await work(client);
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {
          broken = true;
        });
        throw toPgError(error);
      } finally {
        client.release(broken);
      }
    },
  };
}

/** Runs one statement on a transaction's client and returns its rows. */
export async function queryRows(
  client: TxClient,
  sql: string,
  params: readonly Param[] = [],
): Promise<Row[]> {
  return (await client.query(sql, params as unknown[])).rows as Row[];
}
