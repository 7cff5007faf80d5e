import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { TestProject } from "vitest/node";

/**
 * Starts the local runner (built by the local module) on a free port with an empty in-memory store, and tells
 * the browser tests where it is and which Chromium to drive. Debian's Chromium only: never a downloaded one.
 */
const repo = resolve(import.meta.dirname, "..", "..");
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

let runner: ChildProcess | undefined;

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    browserMissing: string;
    chromium: string;
    /** The runner's DynamoDB Local (from its banner), for states the API can no longer make. */
    dynamoEndpoint: string;
    dynamoTable: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  project.provide("chromium", CHROMIUM);
  if (!existsSync(CHROMIUM)) {
    const reason = `browser tests SKIPPED: no Chromium at ${CHROMIUM} (install Debian's: sudo apt-get install chromium)`;
    if (process.env.REQUIRE_BROWSER === "1") throw new Error(`${reason}; REQUIRE_BROWSER=1 makes this an error`);
    console.warn(`\n*** ${reason} ***\n`);
    project.provide("browserMissing", reason);
    project.provide("baseUrl", "");
    project.provide("dynamoEndpoint", "");
    project.provide("dynamoTable", "");
    return async () => {};
  }
  project.provide("browserMissing", "");
  const classpathFile = resolve(repo, "local/target/classpath.txt");
  if (!existsSync(classpathFile)) throw new Error(`${classpathFile} is missing: build first (./mvnw -DskipTests package)`);
  const classpath = `${resolve(repo, "local/target/classes")}:${readFileSync(classpathFile, "utf8").trim()}`;
  // Maven passes its own JDK; run by hand, the repo's script finds JDK 25 as ./mvnw does.
  const java = process.env.JAVA_BIN ?? `${execFileSync("bash", ["-c", "source scripts/java-home.sh && echo \"$JAVA_HOME\""], { cwd: repo, encoding: "utf8" }).trim()}/bin/java`;
  const child = spawn(java, ["--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1", "-cp", classpath,
    "org.schoolcollab.local.LocalRunner", "--port", "0", "--in-memory", "--template", resolve(repo, "template.yaml")],
  { cwd: repo, stdio: ["ignore", "pipe", "pipe"] });
  runner = child;
  let out = "";
  const baseUrl = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`the local runner did not start in 120 s:\n${out}`)), 120_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /ready on (http:\/\/localhost:\d+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        ok(m[1]);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (c: Buffer) => (out += c.toString()));
    child.on("exit", (code) => {
      clearTimeout(timer);
      fail(new Error(`the local runner exited (${code}):\n${out}`));
    });
  });
  project.provide("baseUrl", baseUrl);
  // "  dynamodb http://127.0.0.1:N (key local, secret local; table Table)", printed before "ready on".
  const dynamo = /dynamodb\s+(http:\/\/\S+) \(key local, secret local; tables? ([^,)]+)/.exec(out);
  if (!dynamo?.[1] || !dynamo[2]) {
    child.kill("SIGTERM");
    throw new Error(`the local runner's banner names no DynamoDB endpoint (rebuild the local module):\n${out}`);
  }
  project.provide("dynamoEndpoint", dynamo[1]);
  project.provide("dynamoTable", dynamo[2]);
  return async () => {
    if (runner && runner.exitCode === null) {
      const exited = new Promise((r) => runner!.once("exit", r));
      runner.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    }
  };
}
