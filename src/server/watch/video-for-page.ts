import "server-only";
import { cache } from "react";
import { findVideo } from "./find-video";

/** One query per request, shared by a page and its metadata (watch page, embed). */
export const videoForPage = cache((id: string) => findVideo(id));
