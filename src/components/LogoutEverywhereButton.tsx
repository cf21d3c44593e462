"use client";

/** Ends every admin session, in every browser and on every app instance (DELETE /api/admin/sessions). */
export function LogoutEverywhereButton() {
  async function logoutEverywhere() {
    await fetch("/api/admin/sessions", { method: "DELETE" });
    // Whatever the answer (a 401 means this session had already ended), this browser is logged out now.
    // A full navigation, as for "Log out": it drops every page the client router cached for the admin.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    window.location.assign("/login");
  }
  return (
    <button type="button" onClick={logoutEverywhere} className="underline hover:text-slate-900">
      Log out everywhere
    </button>
  );
}
