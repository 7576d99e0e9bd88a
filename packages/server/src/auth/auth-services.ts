/** Assembles the access-control services over the store from the configuration (used by createServices). */
import type { Config } from "../config/config-schema.js";
import type { IdGenerator } from "../registry/ids.js";
import type { Store } from "../storage/store.js";
import { createAccessAdminService, type AccessAdminService } from "./access-admin-service.js";
import { createAuditService, type AuditService } from "./audit-service.js";
import { createAuthenticationService, type AuthenticationService } from "./authentication-service.js";
import { createLoginThrottle } from "./login-throttle.js";
import { createRegistryResolvers, type ResourceResolvers } from "./resource-resolvers.js";

/** Cookie and proxy settings the HTTP layer needs. */
export interface AuthSettings {
  readonly sessionTtlMs: number;
  readonly secureCookies: "auto" | "always" | "never";
  readonly trustProxy: boolean;
}

/** The access-control services. */
export interface AuthServices {
  readonly authentication: AuthenticationService;
  readonly accessAdmin: AccessAdminService;
  readonly audit: AuditService;
  readonly resolvers: ResourceResolvers;
  readonly authSettings: AuthSettings;
}

/** Creates the access-control services. */
export function createAuthServices(options: {
  readonly store: Store;
  readonly config: Config;
  readonly clock: () => Date;
  readonly ids: IdGenerator;
}): AuthServices {
  const { store, config, clock, ids } = options;
  const audit = createAuditService(store);
  const sessionTtlMs = config.auth.sessionTtlHours * 60 * 60 * 1000;
  const throttle = createLoginThrottle({
    freeAttempts: config.auth.loginFreeAttempts,
    baseDelayMs: config.auth.loginBackoffBaseMs,
    maxDelayMs: config.auth.loginBackoffMaxMs,
    clock,
  });
  return {
    authentication: createAuthenticationService({
      store,
      audit,
      throttle,
      ids,
      clock,
      sessionTtlMs,
      bootstrapApiKey: config.adminApiKey,
    }),
    accessAdmin: createAccessAdminService({ store, ids, clock }),
    audit,
    resolvers: createRegistryResolvers(store),
    authSettings: { sessionTtlMs, secureCookies: config.auth.secureCookies, trustProxy: config.trustProxy },
  };
}
