"""HTTP client of the Sextant REST API (/api/v1) on the standard library only.

Authenticates with an API key (``Authorization: Bearer``); every error response becomes a
``SextantApiError`` carrying the problem+json body and the server's Retry-After.
"""

from __future__ import annotations

import datetime as _dt
import gzip
import json
import urllib.error
import urllib.parse
import urllib.request
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Union

Row = Mapping[str, Any]

_MEDIA_TYPES = {
    "csv": "text/csv",
    "parquet": "application/vnd.apache.parquet",
    "ndjson": "application/x-ndjson",
    "jsonl": "application/x-ndjson",
    "json": "application/json",
}


class SextantApiError(Exception):
    """An error answer of the API (``status``, ``code``, ``problem`` body, ``retry_after_seconds``)."""

    def __init__(self, status: int, problem: Dict[str, Any], retry_after_seconds: Optional[float] = None):
        self.status = status
        self.problem = problem
        self.code: str = str(problem.get("code", "HTTP_ERROR"))
        self.retry_after_seconds = retry_after_seconds
        super().__init__(f"{self.code} ({status}): {problem.get('detail', '')}")


def _json_default(value: Any) -> Any:
    """Serialises the values pandas and numpy put in rows: timestamps, numpy scalars, NaN-likes."""
    if isinstance(value, (_dt.datetime, _dt.date)):
        return value.isoformat()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "item"):
        return value.item()
    if hasattr(value, "tolist"):
        return value.tolist()
    raise TypeError(f"cannot send a {type(value).__name__} as JSON")


def _clean(value: Any) -> Any:
    # JSON has no NaN: pandas uses it for missing values, the server expects null.
    if isinstance(value, float) and value != value:
        return None
    if hasattr(value, "item") and not isinstance(value, (list, dict, str)):
        try:
            value = value.item()
        except (TypeError, ValueError):
            return value
        if isinstance(value, float) and value != value:
            return None
    return value


def to_rows(data: Any) -> List[Dict[str, Any]]:
    """Rows from a list of mappings or a pandas DataFrame (detected without importing pandas)."""
    if hasattr(data, "to_dict") and hasattr(data, "columns"):
        records = data.to_dict(orient="records")
    else:
        records = list(data)
    return [{str(k): _clean(v) for k, v in dict(record).items()} for record in records]


def _parse_retry_after(value: Optional[str]) -> Optional[float]:
    if value is None or not value.strip().isdigit():
        return None
    return float(value.strip())


class SextantClient:
    """A client of one Sextant server; ``api_key`` is an ``sxk_...`` key (or SEXTANT_ADMIN_API_KEY)."""

    def __init__(self, base_url: str, api_key: Optional[str] = None, timeout_seconds: float = 30.0):
        self.base_url = base_url.rstrip("/")
        self.api_key = api_key
        self.timeout_seconds = timeout_seconds

    # -- transport -------------------------------------------------------------------------------

    def request(
        self,
        method: str,
        path: str,
        *,
        json_body: Any = None,
        body: Optional[bytes] = None,
        media_type: Optional[str] = None,
        query: Optional[Mapping[str, Any]] = None,
    ) -> Any:
        """Calls ``/api/v1{path}`` and returns the parsed JSON answer (None for 204)."""
        url = f"{self.base_url}/api/v1{path}"
        params = {k: str(v).lower() if isinstance(v, bool) else str(v) for k, v in (query or {}).items() if v is not None}
        if params:
            url += "?" + urllib.parse.urlencode(params)
        headers = {"accept": "application/json", "accept-encoding": "gzip"}
        if self.api_key:
            headers["authorization"] = f"Bearer {self.api_key}"
        if json_body is not None:
            body = json.dumps(json_body, default=_json_default, allow_nan=False).encode("utf-8")
            media_type = "application/json"
        if media_type is not None:
            headers["content-type"] = media_type
        request = urllib.request.Request(url, data=body, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout_seconds) as response:
                return self._decode(response.read(), response.headers.get("content-encoding"))
        except urllib.error.HTTPError as error:
            raw = self._decode_text(error.read(), error.headers.get("content-encoding"))
            try:
                problem = json.loads(raw)
            except ValueError:
                problem = {"code": "UPSTREAM_ERROR" if error.code >= 500 else "HTTP_ERROR", "detail": raw[:500]}
            raise SextantApiError(error.code, problem, _parse_retry_after(error.headers.get("retry-after"))) from None

    @staticmethod
    def _decode_text(raw: bytes, encoding: Optional[str]) -> str:
        return (gzip.decompress(raw) if encoding == "gzip" else raw).decode("utf-8")

    def _decode(self, raw: bytes, encoding: Optional[str]) -> Any:
        text = self._decode_text(raw, encoding)
        return json.loads(text) if text else None

    # -- resources -------------------------------------------------------------------------------

    def list_workspaces(self, q: Optional[str] = None) -> Dict[str, Any]:
        return self.request("GET", "/workspaces", query={"q": q, "limit": 500})

    def create_workspace(self, slug: str, name: str, description: str = "") -> Dict[str, Any]:
        return self.request("POST", "/workspaces", json_body={"slug": slug, "name": name, "description": description})

    def list_models(self, q: Optional[str] = None, workspace_id: Optional[str] = None) -> Dict[str, Any]:
        return self.request("GET", "/models", query={"q": q, "workspaceId": workspace_id, "limit": 500})

    def find_model(self, name: str) -> Optional[Dict[str, Any]]:
        """The model with this exact name (or id), or None."""
        return next((m for m in self.list_models(q=name)["items"] if name in (m["name"], m["id"])), None)

    def create_model(self, workspace_id: str, name: str, task: str, owner: Mapping[str, Any], **fields: Any) -> Dict[str, Any]:
        body = {"name": name, "task": task, "owner": dict(owner), **fields}
        return self.request("POST", f"/workspaces/{workspace_id}/models", json_body=body)

    def list_versions(self, model_id: str, stage: Optional[str] = None) -> Dict[str, Any]:
        return self.request("GET", f"/models/{model_id}/versions", query={"stage": stage, "limit": 500})

    def find_version(self, model: str, version: Optional[str] = None) -> Dict[str, Any]:
        """A version by model name/id and version name/id; default the newest production version."""
        found = self.find_model(model)
        if found is None:
            raise SextantApiError(404, {"code": "MODEL_NOT_FOUND", "detail": f"no model named {model!r}"})
        items = sorted(self.list_versions(found["id"])["items"], key=lambda v: v["createdAt"], reverse=True)
        if version is not None:
            items = [v for v in items if version in (v["name"], v["id"])]
        else:
            items = [v for v in items if v["stage"] == "production"] or items
        if not items:
            raise SextantApiError(404, {"code": "VERSION_NOT_FOUND", "detail": f"model {model!r} has no version {version or ''}"})
        return items[0]

    def create_version(self, model_id: str, name: str, stage: str = "production", **fields: Any) -> Dict[str, Any]:
        return self.request("POST", f"/models/{model_id}/versions", json_body={"name": name, "stage": stage, **fields})

    def get_schema(self, version_id: str) -> Dict[str, Any]:
        return self.request("GET", f"/versions/{version_id}/schema")

    def infer_schema(self, version_id: str, rows: Any, apply: bool = True, **hints: Any) -> Dict[str, Any]:
        """Infers (and with ``apply`` saves) a schema from sample rows; hints: idColumn, targetColumns, ..."""
        return self.request("POST", f"/versions/{version_id}/schema/infer", json_body={"rows": to_rows(rows)[:10000], "apply": apply, **hints})

    def upload_reference(self, version_id: str, name: str, data: Union[bytes, Any], file_format: str = "csv") -> Dict[str, Any]:
        """Stores a reference from file bytes (csv/parquet/ndjson/json) or from rows / a DataFrame."""
        if not isinstance(data, (bytes, bytearray)):
            data = "\n".join(json.dumps(r, default=_json_default) for r in to_rows(data)).encode("utf-8")
            file_format = "ndjson"
        return self.request(
            "POST",
            f"/versions/{version_id}/references/upload",
            body=bytes(data),
            media_type=_MEDIA_TYPES[file_format],
            query={"name": name, "format": "ndjson" if file_format == "jsonl" else file_format},
        )

    def ingest(self, version_id: str, rows: Any, kind: str = "predictions", partial: bool = False) -> Dict[str, Any]:
        """Sends rows (or a DataFrame) as NDJSON; returns once they are durably stored."""
        lines = (json.dumps(r, default=_json_default, allow_nan=False) for r in to_rows(rows))
        return self.request(
            "POST",
            f"/versions/{version_id}/{kind}",
            body="\n".join(lines).encode("utf-8"),
            media_type=_MEDIA_TYPES["ndjson"],
            query={"partial": partial or None},
        )

    def event_counts(self, version_id: str) -> Dict[str, Any]:
        return self.request("GET", f"/versions/{version_id}/stats")

    def create_monitor(self, model_id: str, monitor: Mapping[str, Any]) -> Dict[str, Any]:
        return self.request("POST", f"/models/{model_id}/monitors", json_body=dict(monitor))

    def run_monitor(self, monitor_id: str, **options: Any) -> Dict[str, Any]:
        return self.request("POST", f"/monitors/{monitor_id}/run", json_body=dict(options))

    def list_incidents(self, **filters: Any) -> Dict[str, Any]:
        return self.request("GET", "/incidents", query=filters)

    def iter_pages(self, path: str, query: Optional[Mapping[str, Any]] = None, page_size: int = 500) -> Iterable[Dict[str, Any]]:
        """Yields every item of a paged list route."""
        offset = 0
        while True:
            page = self.request("GET", path, query={**(query or {}), "limit": page_size, "offset": offset})
            yield from page["items"]
            offset += len(page["items"])
            if not page["items"] or offset >= page["page"]["total"]:
                return


def read_file_bytes(path: str) -> bytes:
    """A file's bytes, decompressed when it ends in .gz (the server takes plain bodies)."""
    with open(path, "rb") as handle:
        data = handle.read()
    return gzip.decompress(data) if path.endswith(".gz") else data


__all__: Sequence[str] = ["SextantApiError", "SextantClient", "to_rows", "read_file_bytes"]
