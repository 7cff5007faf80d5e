import { defineConfig } from "vitest/config";

// `npm run dev` serves the front end with hot reload and forwards API and /local calls to a runner
// started with ./run-local (port 3000), so the page and the API stay on one origin as in local mode.
const runner = process.env.RUNNER_URL ?? "http://localhost:3000";
const apiPaths = ["/expressions-of-interest", "/communities", "/notifications", "/reports", "/local", "/config.json"];

export default defineConfig({
  server: {
    port: 5173,
    proxy: Object.fromEntries(apiPaths.map((p) => [p, { target: runner, changeOrigin: false }])),
  },
  build: {
    target: "es2022",
    sourcemap: true,
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          environment: "happy-dom",
          include: ["src/**/*.test.ts", "deploy/**/*.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          environment: "node",
          include: ["e2e/**/*.e2e.ts"],
          // One runner and one browser for the whole run; the scenarios share them in order.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
          globalSetup: ["e2e/global-setup.ts"],
        },
      },
    ],
  },
});
