/** Where iptlint is installed, and its version: rule docs ship in the package, read offline. */
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

/** The package's root folder (this file is dist/src/cli/package-info.js). */
export const packageRoot = fileURLToPath(new URL("../../../", import.meta.url));

export const { version } = createRequire(import.meta.url)("../../../package.json") as { version: string };
