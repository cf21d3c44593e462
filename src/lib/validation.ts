import type { z } from "zod";

/**
 * A problem as the API and the forms show it. A message written as a whole sentence ("Give the video a title.", a
 * capital to a full stop) stands alone; anything else ("must be even", zod's own "Unrecognized key: …") is prefixed
 * with the field it names: "width must be even".
 */
export function describeIssue(message: string, field: string | undefined): string {
  return field && !/^[A-Z].*\.$/s.test(message) ? `${field} ${message}` : message;
}

/** The first problem of a failed parse, as the API and the forms show it. */
export function describeFirstIssue(error: z.ZodError): { field: string | undefined; message: string } {
  const issue = error.issues[0];
  const field = issue?.path.join(".") || undefined;
  return { field, message: issue ? describeIssue(issue.message, field) : "Invalid input" };
}

/** What `schema` says of one field's value as it stands, worded as the API would answer it; null when it passes. */
export function fieldProblem(schema: z.ZodType, field: string, value: unknown): string | null {
  const issue = schema.safeParse(value).error?.issues[0];
  return issue ? describeIssue(issue.message, [field, ...issue.path].join(".")) : null;
}
