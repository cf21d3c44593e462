import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const ZOD_FROM_LIB = {
  name: "zod",
  allowTypeImports: true,
  message: "Import z from @/lib/zod: its strings refuse control characters.",
};

const config = [
  ...nextVitals,
  ...nextTypescript,
  { ignores: [".next/**", "node_modules/**", "src/generated/**", ".data/**", "next-env.d.ts"] },
  // A leading underscore marks a parameter kept on purpose (an interface's shape), not a forgotten one.
  { rules: { "@typescript-eslint/no-unused-vars": ["warn", { argsIgnorePattern: "^_" }] } },
  {
    // Configuration is read in one place, validated: src/server/env.ts. Scripts and tests are tooling.
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/server/env.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through src/server/env.ts." },
      ],
    },
  },
  {
    // Request schemas take z from src/lib/zod, whose strings refuse control characters (NUL answered 500 from
    // PostgreSQL). zod itself is for env.ts, the HeyGen SDK (HeyGen's answers) and the fake HeyGen.
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/lib/zod-strings.ts", "src/server/env.ts", "src/server/heygen/**", "src/mocks/**"],
    rules: { "no-restricted-imports": ["error", { paths: [ZOD_FROM_LIB] }] },
  },
  {
    // Code that runs in the browser (or may be imported by code that does) never imports server code.
    files: ["src/components/**", "src/hooks/**", "src/lib/**"],
    ignores: ["src/lib/zod-strings.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [ZOD_FROM_LIB],
          patterns: [
            { group: ["@/server", "@/server/*", "**/server/*"], message: "Client code must not import server code." },
          ],
        },
      ],
    },
  },
  {
    // Every native <dialog> opens through one hook, idempotent under React's development double effect.
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/components/ui/use-modal-dialog.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.property.name='showModal']",
          message: "Open a <dialog> with useModalDialog (src/components/ui/use-modal-dialog.ts).",
        },
        {
          selector: "JSXOpeningElement[name.name='dialog'] > JSXAttribute[name.name='onClose']",
          message: "A <dialog>'s close comes through useModalDialog's onClose, which ignores its own closes.",
        },
      ],
    },
  },
  {
    // heygen/ is the HeyGen SDK: the app configures it from outside (src/server/heygen-client.ts), so nothing in it
    // reaches back into the server, by alias or by a relative path out of the folder.
    files: ["src/server/heygen/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^@/server(?!/heygen(/|$))(/|$)",
              message: "heygen/ imports nothing else from src/server: take what it needs through its config.",
            },
            { group: ["../*"], message: "heygen/ imports nothing from outside its folder by a relative path." },
          ],
        },
      ],
    },
  },
];

export default config;
