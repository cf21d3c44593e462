import { focusRing } from "./focus-ring";

/** A small secondary action (copy, regenerate, ...), as a button or a link. */
export const smallButton = `inline-flex items-center rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium text-slate-800 hover:bg-slate-100 disabled:opacity-60 ${focusRing}`;

/** The same, for an action that destroys something. */
export const smallDangerButton = `inline-flex items-center rounded-md border border-red-200 bg-white px-2.5 py-1 text-sm font-medium text-red-700 hover:bg-red-50 disabled:opacity-60 ${focusRing}`;
