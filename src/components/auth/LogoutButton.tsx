"use client";

const ENDINGS = {
  /** This browser's session. */
  here: { label: "Log out", url: "/api/admin/logout", method: "POST" },
  /** Every admin session, in every browser and on every app instance. */
  everywhere: { label: "Log out everywhere", url: "/api/admin/sessions", method: "DELETE" },
} as const;

export function LogoutButton({ scope = "here" }: { scope?: keyof typeof ENDINGS }) {
  const { label, url, method } = ENDINGS[scope];
  async function logout() {
    // Whatever the answer (a 401 means the session had already ended), this browser is logged out now.
    await fetch(url, { method });
    // A full navigation on purpose: it drops every page the client router cached for the admin.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    window.location.assign("/login");
  }
  return (
    <button type="button" onClick={logout} className="underline hover:text-slate-900">
      {label}
    </button>
  );
}
