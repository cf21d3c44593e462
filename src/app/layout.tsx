import type { Metadata } from "next";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Avatar Studio", template: "%s · Avatar Studio" },
  description: "AI avatar videos made with HeyGen.",
};

/** The document only: the site's pages add their header in (site)/layout.tsx; the embed player has none. */
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request, never prerendered at build time: Next puts the request's CSP nonce
  // (src/proxy.ts) on its scripts while rendering, and a prerendered page's scripts would have none and not run.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
