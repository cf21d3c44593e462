import { AppRouterContext } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { createElement, type ReactElement } from "react";
import { text } from "node:stream/consumers";
import { prerenderToNodeStream } from "react-dom/static";
import { redirectOf } from "./page-scope";

/**
 * The HTML of a server page as Next renders it for a request carrying `cookie` (none: a viewer). Client components
 * read Next's router from context: the page's server render has it, a bare render does not. Rendered whole, as Next's
 * own render is: lazily loaded parts (next/dynamic, the admin's panel) are awaited, not left as their fallback.
 */
export async function pageHtml(cookie: string | undefined, render: () => Promise<unknown>): Promise<string> {
  let html = "";
  await redirectOf(cookie, async () => {
    const page = (await render()) as ReactElement;
    const { prelude } = await prerenderToNodeStream(
      createElement(AppRouterContext.Provider, { value: {} as never }, page),
    );
    html = await text(prelude);
  });
  return html;
}
