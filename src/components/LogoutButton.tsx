"use client";

export function LogoutButton() {
  async function logout() {
    await fetch("/api/admin/logout", { method: "POST" });
    // A full navigation on purpose: it drops every page the client router cached for the admin.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    window.location.assign("/login");
  }
  return (
    <button type="button" onClick={logout} className="underline hover:text-slate-900">
      Log out
    </button>
  );
}
