import type { z } from "zod";

/** What a 400 names: HeyGen's error `code`, a message that names the parameter, and the parameter's JSON path. */
export type RequestError = { code: string; message: string; param: string };

export const invalid = (param: string, reason: string): RequestError => ({
  code: "invalid_parameter",
  message: `${param} is invalid: ${reason}`,
  param,
});

const formatPath = (path: PropertyKey[]) =>
  path.reduce<string>(
    (out, key) => (typeof key === "number" ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    "",
  );

/** One readable reason per zod issue, named by the JSON path HeyGen would put in `param`. */
function issueToError(issue: z.core.$ZodIssue): RequestError {
  if (issue.code === "unrecognized_keys") return invalid(formatPath([...issue.path, issue.keys[0]!]), "unknown field");
  const param = formatPath(issue.path) || "body";
  // zod already points a discriminated union's issue at its discriminator ("background.type").
  if (issue.code === "invalid_union" && "discriminator" in issue) return invalid(param, "unknown or missing type");
  if (issue.code === "invalid_value") return invalid(param, `must be one of ${issue.values.map(String).join(", ")}`);
  const ownMessage = !/^Too (big|small)/.test(issue.message);
  if (issue.code === "too_big" && !ownMessage) return invalid(param, `must be at most ${issue.maximum}`);
  if (issue.code === "too_small" && !ownMessage) return invalid(param, `must be at least ${issue.minimum}`);
  return invalid(param, issue.message);
}

/** Parses `body` with `schema`; the first problem becomes HeyGen's `invalid_parameter` error. */
export function parseBody<T extends z.ZodType>(
  schema: T,
  body: unknown,
): { ok: true; value: z.infer<T> } | { ok: false; error: RequestError } {
  const parsed = schema.safeParse(body, {
    error: (issue) => (issue.input === undefined ? "field required" : undefined),
  });
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, error: issueToError(parsed.error.issues[0]!) };
}
