import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Avatar Studio", template: "%s · Avatar Studio" },
  description: "AI avatar videos made with HeyGen.",
};

/** The document only: the site's pages add their header in (site)/layout.tsx; the embed player has none. */
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
