/** Paths inside the project, from compiled tests in dist/test/... */
import { fileURLToPath } from "node:url";
import { join } from "node:path";

/** The project's root folder (tests run from dist/test, two levels below it). */
export const projectRoot = fileURLToPath(new URL("../../../", import.meta.url));

export const fromRoot = (...parts: string[]): string => join(projectRoot, ...parts);

/** The built CLI. */
/** The command as shipped: the CLI bundled into one file (package.json `bin`). */
export const binPath = fromRoot("dist", "src", "cli", "iptlint.js");
