/** Settings: users, API keys per workspace, alert channels (with a test notification), organisation policies. */
import { useState, type SyntheticEvent } from "react";
import { toErrorMessage } from "../api/api-client.js";
import { useApp } from "../api/app-context.js";
import { useAsync } from "../api/use-async.js";
import { AsyncBlock } from "../components/AsyncBlock.js";
import { EmptyState } from "../components/EmptyState.js";

/** The settings page. */
export function SettingsPage() {
  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <UsersSection />
      <ApiKeysSection />
      <ChannelsSection />
      <PoliciesSection />
    </section>
  );
}

function UsersSection() {
  const { client, session } = useApp();
  const state = useAsync(() => client.call("listUsers", { query: { limit: 500 } }), [client]);
  const [form, setForm] = useState({ username: "", displayName: "", password: "" });
  const [message, setMessage] = useState<string | null>(null);
  const create = async (event: SyntheticEvent): Promise<void> => {
    event.preventDefault();
    try {
      await client.call("createUser", { body: { ...form } });
      setMessage(`Created ${form.username}.`);
      setForm({ username: "", displayName: "", password: "" });
      state.reload();
    } catch (error) {
      setMessage(toErrorMessage(error));
    }
  };
  if (!session.orgAdmin)
    return (
      <>
        <h2>Users</h2>
        <p className="muted">Only organisation admins manage users.</p>
      </>
    );
  return (
    <>
      <h2>Users</h2>
      <AsyncBlock state={state} what="users">
        {(page) => (
          <ul>
            {page.items.map((u) => (
              <li key={u.id}>
                {u.username} ({u.displayName}){u.orgAdmin ? " · org admin" : ""}
                {u.disabled ? " · disabled" : ""}
              </li>
            ))}
          </ul>
        )}
      </AsyncBlock>
      <form className="inline-form" onSubmit={(e) => void create(e)} aria-label="New user">
        <label>
          Username
          <input
            required
            value={form.username}
            onChange={(e) => {
              setForm({ ...form, username: e.target.value });
            }}
          />
        </label>
        <label>
          Display name
          <input
            required
            value={form.displayName}
            onChange={(e) => {
              setForm({ ...form, displayName: e.target.value });
            }}
          />
        </label>
        <label>
          Password (12+ characters)
          <input
            required
            type="password"
            minLength={12}
            value={form.password}
            onChange={(e) => {
              setForm({ ...form, password: e.target.value });
            }}
          />
        </label>
        <button type="submit">Add user</button>
      </form>
      {message === null ? null : <p role="status">{message}</p>}
    </>
  );
}

function ApiKeysSection() {
  const { client } = useApp();
  const workspaces = useAsync(() => client.call("listWorkspaces", { query: { limit: 500 } }), [client]);
  const [workspaceId, setWorkspaceId] = useState("");
  const keys = useAsync(
    async () =>
      workspaceId === ""
        ? []
        : (await client.call("listApiKeys", { params: { workspaceId }, query: { limit: 500 } })).items,
    [client, workspaceId],
  );
  const [name, setName] = useState("");
  const [role, setRole] = useState<"viewer" | "editor" | "auditor" | "admin">("editor");
  const [message, setMessage] = useState<string | null>(null);
  const create = async (event: SyntheticEvent): Promise<void> => {
    event.preventDefault();
    try {
      const created = await client.call("createApiKey", { params: { workspaceId }, body: { name, role } });
      setMessage(`Key created; copy it now, it is not shown again: ${created.key}`);
      keys.reload();
    } catch (error) {
      setMessage(toErrorMessage(error));
    }
  };
  const revoke = async (keyId: string): Promise<void> => {
    await client.call("revokeApiKey", { params: { workspaceId, keyId } }).catch((error: unknown) => {
      setMessage(toErrorMessage(error));
    });
    keys.reload();
  };
  return (
    <>
      <h2>API keys</h2>
      <AsyncBlock state={workspaces} what="workspaces">
        {(page) => (
          <label>
            Workspace
            <select
              value={workspaceId}
              onChange={(e) => {
                setWorkspaceId(e.target.value);
              }}
            >
              <option value="">Choose a workspace</option>
              {page.items.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name}
                </option>
              ))}
            </select>
          </label>
        )}
      </AsyncBlock>
      {workspaceId === "" ? null : (
        <>
          <AsyncBlock state={keys} what="API keys">
            {(items) =>
              items.length === 0 ? (
                <p className="muted">No keys in this workspace; create one for an ingest job below.</p>
              ) : (
                <ul>
                  {items.map((k) => (
                    <li key={k.id}>
                      {k.name} · {k.role} · {k.prefix}…{" "}
                      {k.revokedAt === null ? (
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => void revoke(k.id)}
                          aria-label={`Revoke key ${k.name}`}
                        >
                          Revoke
                        </button>
                      ) : (
                        "(revoked)"
                      )}
                    </li>
                  ))}
                </ul>
              )
            }
          </AsyncBlock>
          <form className="inline-form" onSubmit={(e) => void create(e)} aria-label="New API key">
            <label>
              Name
              <input
                required
                value={name}
                onChange={(e) => {
                  setName(e.target.value);
                }}
              />
            </label>
            <label>
              Role
              <select
                value={role}
                onChange={(e) => {
                  setRole(e.target.value as typeof role);
                }}
              >
                <option>viewer</option>
                <option>editor</option>
                <option>auditor</option>
                <option>admin</option>
              </select>
            </label>
            <button type="submit">Create key</button>
          </form>
        </>
      )}
      {message === null ? null : (
        <p role="status" className="break">
          {message}
        </p>
      )}
    </>
  );
}

function ChannelsSection() {
  const { client } = useApp();
  const state = useAsync(() => client.call("listChannels", { query: { limit: 500 } }), [client]);
  const [form, setForm] = useState({ name: "", url: "", secret: "" });
  const [message, setMessage] = useState<string | null>(null);
  const create = async (event: SyntheticEvent): Promise<void> => {
    event.preventDefault();
    try {
      await client.call("createChannel", {
        body: { name: form.name, config: { kind: "webhook", url: form.url, secret: form.secret } },
      });
      state.reload();
    } catch (error) {
      setMessage(toErrorMessage(error));
    }
  };
  const test = async (id: string): Promise<void> => {
    try {
      const delivery = await client.call("testChannel", { params: { id } });
      setMessage(
        delivery.status === "delivered"
          ? "Test notification delivered."
          : `Test notification failed: ${delivery.lastError ?? delivery.status}`,
      );
    } catch (error) {
      setMessage(toErrorMessage(error));
    }
  };
  return (
    <>
      <h2>Alert channels</h2>
      <AsyncBlock state={state} what="channels">
        {(page) =>
          page.items.length === 0 ? (
            <EmptyState title="No channels yet">
              Add a webhook below; monitors then notify it when they fire.
            </EmptyState>
          ) : (
            <ul>
              {page.items.map((c) => (
                <li key={c.id}>
                  {c.name} · {c.kind} · {c.target} · from {c.minSeverity}{" "}
                  <button
                    type="button"
                    onClick={() => void test(c.id)}
                    aria-label={`Send a test notification to ${c.name}`}
                  >
                    Send test
                  </button>
                </li>
              ))}
            </ul>
          )
        }
      </AsyncBlock>
      <form className="inline-form" onSubmit={(e) => void create(e)} aria-label="New webhook channel">
        <label>
          Name
          <input
            required
            value={form.name}
            onChange={(e) => {
              setForm({ ...form, name: e.target.value });
            }}
          />
        </label>
        <label>
          Webhook URL
          <input
            required
            type="url"
            value={form.url}
            onChange={(e) => {
              setForm({ ...form, url: e.target.value });
            }}
          />
        </label>
        <label>
          Signing secret (8+ characters)
          <input
            required
            minLength={8}
            value={form.secret}
            onChange={(e) => {
              setForm({ ...form, secret: e.target.value });
            }}
          />
        </label>
        <button type="submit">Add webhook</button>
      </form>
      {message === null ? null : <p role="status">{message}</p>}
    </>
  );
}

function PoliciesSection() {
  const { client } = useApp();
  const state = useAsync(async () => {
    const [policies, compliance] = await Promise.all([
      client.call("listPolicies", { query: { limit: 500 } }),
      client.call("getPolicyCompliance", {}),
    ]);
    return { policies: policies.items, findings: compliance.findings };
  }, [client]);
  return (
    <>
      <h2>Organisation policies</h2>
      <AsyncBlock state={state} what="policies">
        {({ policies, findings }) => (
          <>
            {policies.length === 0 ? (
              <EmptyState title="No policies yet">
                Create one with <code>POST /api/v1/policies</code> (selector + monitor templates) to require
                monitors on every matching model.
              </EmptyState>
            ) : (
              <ul>
                {policies.map((p) => (
                  <li key={p.id}>
                    {p.name}: {p.templates.length} monitor templates{p.requireOwner ? ", owner required" : ""}
                  </li>
                ))}
              </ul>
            )}
            <h3>Compliance</h3>
            {findings.length === 0 ? (
              <p>Every model complies.</p>
            ) : (
              <ul>
                {findings.map((f, i) => (
                  <li key={i}>
                    {f.modelName}: {f.problem.replaceAll("_", " ")} ({f.detail})
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </AsyncBlock>
    </>
  );
}
