"use client";

import { useHydrated } from "@/hooks/use-hydrated";

/**
 * A form's primary button. Disabled while the form is being sent (no double submit), while it is known to be invalid, and until the
 * page is hydrated: an earlier click would fall back to a native GET putting the fields in the URL.
 */
export function SubmitButton(props: {
  pending: boolean;
  pendingLabel: string;
  children: string;
  className?: string;
  /** The form is known to be invalid (its field says why). */
  disabled?: boolean;
}) {
  const hydrated = useHydrated();
  return (
    <button
      type="submit"
      disabled={props.pending || !hydrated || props.disabled}
      className={`rounded-md bg-indigo-600 px-5 py-2 font-medium text-white hover:bg-indigo-700 disabled:opacity-60 ${props.className ?? ""}`}
    >
      {props.pending ? props.pendingLabel : props.children}
    </button>
  );
}
