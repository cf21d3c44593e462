/** Tailwind classes shared by the form fields. */
export const inputClass = "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2";
