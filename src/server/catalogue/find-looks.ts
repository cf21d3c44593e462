import "server-only";
import { z } from "@/lib/zod";
import { LOOK_ORIENTATIONS, LOOK_PAGE_SIZE, OWNERSHIPS, type Look, type LookPage } from "@/lib/catalogue";
import { AppError } from "@/server/errors";
import { getCatalogue } from "@/server/catalogue/heygen-catalogue";
import { heygenFailure } from "./heygen-failure";
import { lookKey } from "./order";
import { pageOf } from "./page";
import { anyOr, listParams, matcher, oneOfCatalogue, pageLimit, readQuery } from "./query";

const lookQuery = z.object({
  ...listParams,
  gender: z.string().trim().default(""),
  orientation: anyOr(LOOK_ORIENTATIONS),
  ownership: anyOr(OWNERSHIPS),
  /** An avatar group id: that avatar's looks only. */
  group: z.string().trim().max(200, "is too long").default(""),
  limit: pageLimit(LOOK_PAGE_SIZE),
});

/**
 * One page of the catalogue's looks, filtered by name (the look's or its avatar's), gender, orientation,
 * ownership and avatar, in the catalogue's order (grouped by avatar). Bad parameters: 400 naming them.
 */
export async function findLooks(params: URLSearchParams | Record<string, string>): Promise<LookPage> {
  const query = readQuery(lookQuery, params);
  const catalogue = await getCatalogue().catch((error: unknown) => heygenFailure(error, "list its looks"));
  const gender = oneOfCatalogue("gender", query.gender, catalogue.lookGenders);
  if (query.group && !catalogue.groups.has(query.group)) {
    throw new AppError("invalid_input", "group is not an avatar HeyGen lists: pick another one.", { field: "group" });
  }
  const named = matcher(query.q);
  const wanted = (look: Look) =>
    (named(look.name) || named(look.groupName)) &&
    (!gender || look.gender === gender) &&
    (!query.orientation || look.preferredOrientation === query.orientation) &&
    (!query.ownership || look.ownership === query.ownership) &&
    (!query.group || look.groupId === query.group);
  return pageOf(catalogue.looks.filter(wanted), query, lookKey, { genders: catalogue.lookGenders });
}
