import "server-only";
import { cache } from "react";
import { isAdminSession } from "@/server/auth/session";
import { findVideo } from "./find-video";

/** One query per request, shared by a page and its metadata (watch page, embed); admins see every video. */
export const videoForPage = cache((id: string) => findVideo(id, { admin: isAdminSession }));
