"use client";

import { useRouter } from "next/navigation";

export function LogoutButton() {
  const router = useRouter();
  async function logout() {
    await fetch("/api/admin/logout", { method: "POST" });
    router.replace("/login");
    router.refresh();
  }
  return (
    <button type="button" onClick={logout} className="underline hover:text-slate-900">
      Log out
    </button>
  );
}
