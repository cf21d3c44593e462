import "server-only";
import { cache } from "react";
import { findVideo } from "@/server/videos/queries";

/** One query per request, shared by the layout's metadata and the page. */
export const getVideo = cache((id: string) => findVideo(id));
