import type { z } from "zod";

/** The first problem of a failed parse, as the API and the forms show it: "width must be even". */
export function describeFirstIssue(error: z.ZodError): { field: string | undefined; message: string } {
  const issue = error.issues[0];
  const field = issue?.path.join(".") || undefined;
  const message = field ? `${field} ${issue?.message}` : (issue?.message ?? "Invalid input");
  return { field, message };
}
