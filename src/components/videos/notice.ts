/** What an action on a video did, said once where the list (or page) announces it. */
export type Notice = { kind: "done" | "error"; message: string; link?: { href: string; label: string } };
