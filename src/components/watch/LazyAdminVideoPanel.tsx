"use client";

import dynamic from "next/dynamic";

/**
 * The admin's panel under the player, in a bundle of its own: only admins see it, and its forms (settings, copy status,
 * translations, with the schemas they check against) would otherwise be in every viewer's first load of the watch page
 * (docs/performance.md, first-load JS). Rendered on the server as usual; Next preloads its chunk in the page an admin
 * gets (so the panel hydrates with the rest: an admin can type at once), and a viewer's page never names it.
 */
export const LazyAdminVideoPanel = dynamic(() => import("./AdminVideoPanel").then((module) => module.AdminVideoPanel));
