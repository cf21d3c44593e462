import type { Look, Voice } from "@/lib/catalogue";

/**
 * The catalogue's order, as sort keys: lists are sorted by them, and a page's cursor is its last item's key, so
 * the next page starts right after it even when a refresh of the catalogue has added or removed items meanwhile.
 */
export type SortKey = string[];

/** By avatar name (looks are grouped by avatar), then look name; the id breaks ties. */
export const lookKey = (look: Pick<Look, "groupName" | "name" | "id">): SortKey => [
  look.groupName ?? look.name,
  look.name,
  look.id,
];

/** The account's own voices first, then by name; the id breaks ties. */
export const voiceKey = (voice: Pick<Voice, "ownership" | "name" | "id">): SortKey => [
  voice.ownership === "private" ? "0" : "1",
  voice.name,
  voice.id,
];

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

export function compareKeys(a: SortKey, b: SortKey): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? "";
    const y = b[i] ?? "";
    // Case- and accent-blind first (what people expect), then exact, so that no two distinct keys are equal.
    const order = collator.compare(x, y) || (x < y ? -1 : x > y ? 1 : 0);
    if (order !== 0) return order;
  }
  return 0;
}

export const sortedBy = <T>(items: T[], key: (item: T) => SortKey): T[] =>
  items
    .map((item) => ({ item, key: key(item) }))
    .sort((a, b) => compareKeys(a.key, b.key))
    .map(({ item }) => item);
