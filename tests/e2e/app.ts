// Moved to scripts/lib so that scripts (npm run load:webhooks) start the build the same way the e2e tests do.
export { startApp, type RunningApp } from "../../scripts/lib/start-app";
