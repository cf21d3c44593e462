import { AppRouterContext } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { createElement, type ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { redirectOf } from "./page-scope";

/**
 * The HTML of a server page as Next renders it for a request carrying `cookie` (none: a viewer). Client components
 * read Next's router from context: the page's server render has it, a bare render does not.
 */
export async function pageHtml(cookie: string | undefined, render: () => Promise<unknown>): Promise<string> {
  let html = "";
  await redirectOf(cookie, async () => {
    const page = (await render()) as ReactElement;
    html = renderToString(createElement(AppRouterContext.Provider, { value: {} as never }, page));
  });
  return html;
}
