/** Paths inside the project, from compiled tests in build/test/... */
import { fileURLToPath } from "node:url";
import { join } from "node:path";

/** The project's root folder (tests run from build/test, two levels below it). */
export const projectRoot = fileURLToPath(new URL("../../../", import.meta.url));

export const fromRoot = (...parts: string[]): string => join(projectRoot, ...parts);

/** The command as shipped: the committed bundle (package.json `bin`, built by scripts/bundle.mjs). */
export const binPath = fromRoot("dist", "iptlint.js");
