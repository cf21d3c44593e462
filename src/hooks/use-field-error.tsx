"use client";

import { useEffect, useRef, useState } from "react";

export type FieldError = { message: string; field?: string };

/** The API field names an option of the "More options" disclosure (captions sit outside it). */
const isInDisclosure = (field?: string) => !!field?.startsWith("options.") && field !== "options.captions";

/**
 * A form's refusal, shown (and announced) beside the field it names and focused there, opening "More options" when the
 * field is inside it: the studio and the presenter editor show their errors the same way. A form shows a refusal
 * without a field itself, and one with a field nowhere else: one message per field.
 */
export function useFieldError() {
  const formRef = useRef<HTMLFormElement>(null);
  const [error, setError] = useState<FieldError | null>(null);
  const [moreOpen, setMoreOpen] = useState(false);

  useEffect(() => {
    if (error?.field) focusField(formRef.current, error.field);
  }, [error]);

  function fail(refusal: FieldError) {
    if (isInDisclosure(refusal.field)) setMoreOpen(true);
    setError(refusal);
  }

  const errorFor = (field: string) =>
    error && (error.field === field || error.field?.startsWith(`${field}.`)) ? (
      <span role="alert" className="mt-1 block text-sm text-red-700">
        {error.message}
      </span>
    ) : null;

  return { formRef, error, fail, clear: () => setError(null), errorFor, moreOpen, setMoreOpen };
}

/** Focuses the control of the named API field, or of the nearest field containing it ("options.background.type"). */
function focusField(form: HTMLFormElement | null, field: string) {
  for (let name = field; name; name = name.slice(0, Math.max(0, name.lastIndexOf(".")))) {
    // A control named after the field, or (pickers that send a hidden input) one inside the part marked with it.
    const selector = `[name="${CSS.escape(name)}"]:not([type=hidden]), [data-field="${CSS.escape(name)}"] input:not(:disabled):not([type=hidden])`;
    const controls = form?.querySelectorAll<HTMLElement>(selector) ?? [];
    const control = [...controls].find((element) => (element as HTMLInputElement).checked) ?? controls[0];
    if (control) return control.focus();
  }
}
