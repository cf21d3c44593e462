/** A visible keyboard focus ring for links and buttons (a mouse click shows none). */
export const focusRing = "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600";
