import * as zod from "zod";

// zod as the app's schemas use it (through lib/zod): zod itself, except that every string refuses control
// characters. PostgreSQL cannot store NUL in text (an unchecked `\u0000` answered 500), and the other controls are
// never meant in a title, a name, a search or a script. Tab, line feed and carriage return stay allowed (a
// script or a pasted plan holds them).
export * from "zod";

/** Control characters (Unicode Cc) other than tab, LF and CR. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
export const CONTROL_MESSAGE = "must not contain control characters";

export function string(params?: string | zod.core.$ZodStringParams): zod.ZodString {
  return zod.string(params).refine((value) => !CONTROL.test(value), CONTROL_MESSAGE);
}
