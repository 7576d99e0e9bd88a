/**
 * The shape of one PostgreSQL migration, in its own module so area files that define migrations
 * (roadmap, signals, leases, profiles) and migrations.ts, which lists them, do not import each other.
 */

/** One forward-only migration. */
export interface PgMigration {
  readonly version: number;
  readonly name: string;
  readonly statements: readonly string[];
}
