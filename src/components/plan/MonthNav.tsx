import Link from "next/link";
import { smallButton } from "@/components/ui/buttons";

/** "YYYY-MM" shifted by whole months. */
export function shiftMonth(month: string, by: number): string {
  const [year, index] = month.split("-").map(Number);
  return new Date(Date.UTC(year!, index! - 1 + by, 1)).toISOString().slice(0, 7);
}

export const monthLabel = (month: string) =>
  new Date(`${month}-01T00:00:00Z`).toLocaleDateString("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

/** The month shown, between links to the one before and the one after. */
export function MonthNav({ month }: { month: string }) {
  const previous = shiftMonth(month, -1);
  const next = shiftMonth(month, 1);
  return (
    <nav aria-label="Month" className="flex items-center gap-3">
      <Link href={`/admin/plan?month=${previous}`} className={smallButton}>
        ← <span className="sr-only">Previous month, </span>
        {monthLabel(previous)}
      </Link>
      <span className="font-medium">{monthLabel(month)}</span>
      <Link href={`/admin/plan?month=${next}`} className={smallButton}>
        <span className="sr-only">Next month, </span>
        {monthLabel(next)} →
      </Link>
    </nav>
  );
}
