/** An API error as the routes send it: `{ error: { code, message, field? } }`. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: unknown,
    readonly field?: string,
  ) {
    super(message);
    this.name = "ApiRequestError";
  }
}

type ErrorBody = { error?: { message?: string; field?: string } };

/** fetch + JSON for the browser: non-2xx answers become ApiRequestError with the server's message. */
export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  return (await fetchJsonAnswer<T>(url, init)).body;
}

/** fetchJson, with the answer's status besides (a 202 and a 201 carry the same kind of body but do not mean the same). */
export async function fetchJsonAnswer<T>(url: string, init?: RequestInit): Promise<{ status: number; body: T }> {
  const response = await fetch(url, {
    ...init,
    headers: {
      accept: "application/json",
      ...(init?.body ? { "content-type": "application/json" } : {}),
      ...init?.headers,
    },
  });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (body as ErrorBody | null)?.error;
    throw new ApiRequestError(
      response.status,
      error?.message ?? `Request failed (${response.status})`,
      body,
      error?.field,
    );
  }
  return { status: response.status, body: body as T };
}
