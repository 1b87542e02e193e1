/**
 * Builds dist/, the committed package: what users run from a git checkout (pre-commit, the
 * GitHub Action, `npm i` of a folder or a git URL) with no install or build step of their own.
 *
 *   dist/iptlint.js       the command line (package.json `bin`)
 *   dist/index.js         the library (`import ... from "iptlint"`), dist/index.d.ts its types
 *   dist/lint-worker.js   the worker thread that lint-pool.ts starts for big inputs
 *   dist/*-HASH.js        code the three share, and what is loaded on first use (ora)
 *   dist/THIRD-PARTY-NOTICES.md  the licences of the libraries bundled in
 *
 * Every runtime dependency is bundled in, so the package has none. No source maps: they would
 * point at sources the package does not ship. Run by `npm run compile`, after tsc (the types are
 * bundled from tsc's declarations in build/). CI checks that the committed dist/ is this output.
 */
import { chmodSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { generateDtsBundle } from "dts-bundle-generator";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
process.chdir(root);
rmSync(dist, { recursive: true, force: true });

/**
 * The libraries src/lazy.ts loads on first use, each bundled into a file of its own in dist/lib/
 * and required from there: a lint with no configuration, glob, diff or cases file never reads
 * their code. Bundled into the shared chunk, their ~0.7 MB of source was compiled by every run
 * (V8 scans even the functions it never calls).
 */
const LIBRARIES_ON_FIRST_USE = ["ajv", "cosmiconfig", "diff", "picomatch", "tinyglobby", "yaml"];

const cosmiconfigCryptoOnUse = {
  // cosmiconfig's loaders require node:crypto at load, for the random names of compiled
  // TypeScript configurations, which iptlint never searches for; loading it cost every run
  // ~54 M instructions. Required on first use instead.
  name: "cosmiconfig-crypto-on-use",
  setup(esbuild) {
    esbuild.onLoad({ filter: /[\\/]cosmiconfig[\\/]dist[\\/]loaders\.js$/ }, ({ path }) => {
      const eager = 'const crypto_1 = require("crypto");';
      const code = readFileSync(path, "utf8");
      if (!code.includes(eager)) throw new Error(`${path}: no \`${eager}\` to defer; update the cosmiconfig-crypto-on-use plugin`);
      return { contents: code.replace(eager, 'const crypto_1 = { get randomUUID() { return require("crypto").randomUUID; } };'), loader: "js" };
    });
  },
};

const librariesInTheirOwnFiles = {
  name: "libraries-in-their-own-files",
  setup(esbuild) {
    const names = new RegExp(`^(${LIBRARIES_ON_FIRST_USE.join("|")})$`);
    esbuild.onResolve({ filter: names }, ({ path, importer, kind }) => {
      if (kind !== "require-call" || !/[\\/]src[\\/]lazy\.ts$/.test(importer)) return undefined;
      return { path: `./lib/${path}.cjs`, external: true };
    });
  },
};

/** In a library's own file, another of them (tinyglobby's picomatch) is required from its file, not bundled twice. */
const theOtherLibraryFiles = (self) => ({
  name: "the-other-library-files",
  setup(esbuild) {
    const others = new RegExp(`^(${LIBRARIES_ON_FIRST_USE.filter((name) => name !== self).join("|")})$`);
    esbuild.onResolve({ filter: others }, ({ path }) => ({ path: `./${path}.cjs`, external: true }));
  },
});

const { metafile } = await build({
  entryPoints: { iptlint: "src/cli/bin.ts", index: "src/index.ts", "lint-worker": "src/cli/lint-worker.ts" },
  outdir: dist,
  bundle: true,
  // Shared code in chunks rather than three copies; a dynamic import() (ora) becomes a chunk loaded on use.
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  metafile: true,
  logLevel: "warning",
  // cosmiconfig requires typescript only to read a .ts configuration, a name iptlint never searches for.
  external: ["typescript"],
  // ES modules have no `require`; the bundled libraries (CommonJS) and src/lazy.ts need one.
  banner: { js: 'import { createRequire as __iptlintCreateRequire } from "node:module";\nconst require = __iptlintCreateRequire(import.meta.url);' },
  plugins: [
    cosmiconfigCryptoOnUse,
    librariesInTheirOwnFiles,
    {
      // grammar/chevrotain.ts imports Chevrotain's own single-file bundle at run time, to spare
      // Node resolving ~700 modules; here esbuild bundles the package itself, which costs nothing.
      name: "chevrotain-from-the-package",
      setup(esbuild) {
        esbuild.onLoad({ filter: /[\\/]grammar[\\/]chevrotain\.ts$/ }, () => ({ contents: 'export * from "chevrotain";', loader: "ts" }));
      },
    },
  ],
});
chmodSync(join(dist, "iptlint.js"), 0o755);

const libraryInputs = [];
for (const name of LIBRARIES_ON_FIRST_USE) {
  const result = await build({
    stdin: { contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir: root, sourcefile: `lib-${name}.js` },
    outfile: join(dist, "lib", `${name}.cjs`),
    bundle: true,
    format: "cjs",
    platform: "node",
    target: "node20",
    metafile: true,
    logLevel: "warning",
    external: ["typescript"],
    plugins: [cosmiconfigCryptoOnUse, theOtherLibraryFiles(name)],
  });
  libraryInputs.push(...Object.keys(result.metafile.inputs));
}

// esbuild escapes what is not ASCII in strings, not in the comments it keeps (a library's `“-”`):
// one such character makes Node read the whole chunk as two-byte text, twice the memory and a
// slower decode and parse on every run. In a comment, an escape is as good as the character.
const scripts = [...readdirSync(dist).filter((file) => file.endsWith(".js")), ...readdirSync(join(dist, "lib")).map((file) => join("lib", file))];
for (const name of scripts) {
  const code = readFileSync(join(dist, name), "utf8");
  const ascii = code.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  if (ascii !== code) writeFileSync(join(dist, name), ascii);
}

// Types: one file, from tsc's declarations, with nothing imported from the bundled libraries.
const [types] = generateDtsBundle([{ filePath: "build/src/index.d.ts", output: { noBanner: true } }], {
  preferredConfigPath: "tsconfig.types.json",
});
writeFileSync(join(dist, "index.d.ts"), types);

writeFileSync(join(dist, "THIRD-PARTY-NOTICES.md"), notices([...Object.keys(metafile.inputs), ...libraryInputs]));

/** The name, version, licence and licence text of every package with code in the bundle. */
function notices(inputs) {
  const packages = new Set();
  for (const input of inputs) {
    const match = /^(.*node_modules[\\/](?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(input);
    if (match) packages.add(match[1]);
  }
  let out = "# Third-party notices\n\nThe files in dist/ include code from these packages, under these licences.\n";
  for (const dir of [...packages].sort()) {
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    const licenseFile = readdirSync(dir).find((name) => /^(licen[cs]e|copying)(\..*)?$/i.test(name));
    out += `\n## ${pkg.name} ${pkg.version} (${pkg.license})\n\n`;
    out += licenseFile ? "```\n" + readFileSync(join(dir, licenseFile), "utf8").trim() + "\n```\n" : `No licence file in the package; its package.json says ${pkg.license}.\n`;
  }
  return out;
}
