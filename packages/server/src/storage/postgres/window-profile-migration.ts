/**
 * The `window_profiles` table (decision 0013): hour profile documents per version, appended at ingest
 * and compacted to one row per hour; `window_profile_gaps` lists versions that had events before
 * profiles existed, whose windows the gather keeps reading from raw rows.
 */
import type { PgMigration } from "./pg-migration.js";

export const windowProfilePgMigration: PgMigration = {
  version: 420,
  name: "window profiles",
  statements: [
    // JSON text, not jsonb (appending is a copy, no parsing), compressed with lz4 where the server has it
    // (pglz cost more than it saved at ingest); otherwise stored uncompressed.
    `CREATE TABLE window_profiles (version_id text COLLATE "C" NOT NULL, hour_start timestamptz NOT NULL,
       profile text NOT NULL)`,
    `DO $$ BEGIN ALTER TABLE window_profiles ALTER COLUMN profile SET COMPRESSION lz4;
       EXCEPTION WHEN OTHERS THEN ALTER TABLE window_profiles ALTER COLUMN profile SET STORAGE EXTERNAL;
     END $$`,
    `CREATE INDEX window_profiles_hour ON window_profiles (version_id, hour_start)`,
    `CREATE TABLE window_profile_gaps (version_id text COLLATE "C" PRIMARY KEY)`,
    `INSERT INTO window_profile_gaps SELECT id FROM model_versions`,
  ],
};
