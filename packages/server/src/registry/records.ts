/**
 * Domain records of the model registry as the services and the Store see them (dates are `Date`).
 * Wire types live in @sextant/sdk; converters in registry/wire-mapping.ts map between the two.
 */
import type { z } from "zod";
import type {
  ColumnSpec,
  ModelTask,
  SegmentCondition,
  ownerSchema,
  riskTierSchema,
  stakeholderSchema,
  versionSourceSchema,
  versionStageSchema,
} from "@sextant/sdk";

/** A model owner (person or team). */
export type Owner = z.infer<typeof ownerSchema>;

/** A model stakeholder. */
export type Stakeholder = z.infer<typeof stakeholderSchema>;

/** A workspace (team). */
export interface WorkspaceRecord {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly description: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** A registered model. */
export interface ModelRecord {
  readonly id: string;
  readonly workspaceId: string;
  readonly name: string;
  readonly description: string;
  readonly task: ModelTask;
  readonly owner: Owner;
  readonly businessOwner: Owner | null;
  readonly stakeholders: readonly Stakeholder[];
  readonly tags: readonly string[];
  readonly riskTier: z.infer<typeof riskTierSchema>;
  readonly costPer1kPredictions: number | null;
  readonly costCurrency: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** The schema of a version at one revision. */
export interface SchemaRecord {
  readonly revision: number;
  readonly columns: readonly ColumnSpec[];
  readonly updatedAt: Date;
}

/** A model version. */
export interface VersionRecord {
  readonly id: string;
  readonly modelId: string;
  readonly name: string;
  readonly description: string;
  readonly stage: z.infer<typeof versionStageSchema>;
  readonly source: z.infer<typeof versionSourceSchema>;
  readonly trigger: string | null;
  readonly trainingRunRef: string | null;
  readonly datasetRef: string | null;
  readonly schema: SchemaRecord | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** A baseline of a version: stored file rows, or a time range of production data. */
export interface ReferenceRecord {
  readonly id: string;
  readonly versionId: string;
  readonly name: string;
  readonly kind: "file" | "time_range";
  readonly rowCount: number | null;
  readonly from: Date | null;
  readonly to: Date | null;
  readonly segmentId: string | null;
  readonly createdAt: Date;
}

/** A named AND-filter on a model's columns. */
export interface SegmentRecord {
  readonly id: string;
  readonly modelId: string;
  readonly name: string;
  readonly description: string;
  readonly conditions: readonly SegmentCondition[];
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** One page of a list. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
}

/** Pagination of a list query. */
export interface PageRequest {
  readonly limit: number;
  readonly offset: number;
}
