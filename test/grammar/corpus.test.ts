/**
 * The corpus of real iptables-save output (test/fixtures/corpus, copied from the shared corpus;
 * its README.md names the sources): every file parses without a diagnostic, prints back byte
 * for byte, and its structure matches what a plain line scan of the text finds.
 */
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

import { parse, print, type CommandLine, type Document } from "../../grammar/index.js";
import { fromRoot } from "../helpers/project.js";

const corpusDir = fromRoot("test", "fixtures", "corpus");

/** Every fixture, by folder: a file that goes missing must fail the test, not shrink it. */
const expectedFiles: Record<string, string[]> = {
  kube: [
    "kube-proxy-1.14-iptables.legacy.save",
    "kube-proxy-1.14-iptables.nft.counters.save",
    "kube-proxy-1.14-iptables.nft.save",
    "kube-proxy-1.18.2-iptables.legacy.save",
    "kube-proxy-1.18.2-iptables.nft.counters.save",
    "kube-proxy-1.18.2-iptables.nft.save",
    "kube-proxy-1.18.2-ipvs.legacy.save",
    "kube-proxy-1.18.2-ipvs.nft.counters.save",
    "kube-proxy-1.18.2-ipvs.nft.save",
    "kube-proxy-1.19-iptables.legacy.save",
    "kube-proxy-1.19-iptables.nft.counters.save",
    "kube-proxy-1.19-iptables.nft.save",
  ],
  "real-world": [
    "docker-bridge-v1.6.0.txt",
    "fedora27-firewalld-ip6tables.txt",
    "fedora27-firewalld-iptables.txt",
    "firewalld-ipt-save-completed.txt",
    "libvirt-v1.4.21-old-negation.txt",
    "shorewall-comments.txt",
    "synology-nas.txt",
  ],
};

const fixtures = Object.entries(expectedFiles).flatMap(([dir, files]) =>
  files.map((file) => ({ name: `${dir}/${file}`, path: join(corpusDir, dir, file) })),
);

const read = (name: string): string => readFileSync(join(corpusDir, name), "utf8");

/** What a line scan of iptables-save text finds, without the grammar. */
interface ScannedTable {
  name: string;
  /** `:NAME POLICY [p:b]`, in order. */
  chains: { name: string; policy: string; counters: string }[];
  /** The chain of each `-A` line (with or without a `[p:b]` prefix), in order. */
  appendChains: string[];
  /** 1-based line numbers of the `-A` lines. */
  appendLines: number[];
  committed: boolean;
}

function scan(text: string): ScannedTable[] {
  const tables: ScannedTable[] = [];
  let current: ScannedTable | undefined;
  text.split("\n").forEach((line, i) => {
    if (line.startsWith("*")) {
      current = { name: line.slice(1), chains: [], appendChains: [], appendLines: [], committed: false };
      tables.push(current);
    } else if (line.startsWith(":")) {
      const [name, policy, counters] = line.slice(1).split(" ");
      current!.chains.push({ name, policy, counters });
    } else if (/^(\[\d+:\d+\] )?-A /.test(line)) {
      current!.appendChains.push(line.replace(/^\[\d+:\d+\] /, "").split(" ")[1]);
      current!.appendLines.push(i + 1);
    } else if (line === "COMMIT") {
      current!.committed = true;
    }
  });
  return tables;
}

const appends = (commands: readonly CommandLine[]): CommandLine[] => commands.filter((c) => c.command === "append");

test("the corpus folder holds every fixture and the README naming the sources", () => {
  for (const [dir, files] of Object.entries(expectedFiles)) {
    assert.deepEqual(readdirSync(join(corpusDir, dir)).sort(), [...files].sort(), dir);
  }
  const readme = read("README.md");
  assert.match(readme, /diekmann\/Iptables_Semantics/);
  for (const file of expectedFiles["real-world"]) assert.ok(readme.includes(file), `README names ${file}`);
});

for (const fixture of fixtures) {
  test(`corpus ${fixture.name}: parses cleanly, prints back byte for byte, matches a line scan`, () => {
    const text = readFileSync(fixture.path, "utf8");
    assert.ok(text.length > 1000, "the fixture is not empty");
    const document = parse(text, { filePath: fixture.name });
    assert.deepEqual(
      document.diagnostics.map((d) => `${d.loc.start.line}:${d.loc.start.column} ${d.message}`),
      [],
    );
    assert.equal(document.form, "restore");
    assert.equal(document.filePath, fixture.name);
    assert.ok(print(document) === text, "print(parse(x)) === x");
    assert.equal(document.lines.length, text.split("\n").length - 1, "one line node per line");

    const scanned = scan(text);
    assert.ok(scanned.length >= 1);
    assert.deepEqual(
      document.tables.map((t) => t.name),
      scanned.map((t) => t.name),
      "tables in order",
    );
    scanned.forEach((expected, i) => {
      const table = document.tables[i];
      assert.ok(expected.committed && table.commit !== null, `${expected.name} is committed`);
      assert.deepEqual(
        table.chains.map((c) => ({ name: c.name, policy: c.policy, counters: c.counters?.text })),
        expected.chains,
        `chain declarations of ${expected.name}`,
      );
      const appended = appends(table.commands);
      assert.equal(appended.length, expected.appendChains.length, `number of -A lines in ${expected.name}`);
      assert.deepEqual(
        appended.map((c) => c.chain),
        expected.appendChains,
      );
      assert.deepEqual(
        appended.map((c) => c.index + 1),
        expected.appendLines,
      );
      // iptables-save output only ever holds -A commands.
      assert.equal(table.commands.length, appended.length);
      for (const command of appended) {
        assert.equal(command.table, table);
        const rule = command.rule!;
        assert.ok(rule !== null);
        // The target, found in the text: the word after the last ` -j ` or ` -g ` (none of
        // this corpus's comments holds either).
        const jump = /.* -([jg]) (\S+)/.exec(command.text);
        assert.deepEqual(
          rule.target && [rule.target.kind, rule.target.name],
          jump && [jump[1] === "j" ? "jump" : "goto", jump[2]],
          command.text,
        );
      }
    });
  });
}

test("counters files: every rule has [p:b] prefix counters; the plain files have none", () => {
  for (const base of ["kube-proxy-1.14-iptables", "kube-proxy-1.18.2-iptables", "kube-proxy-1.18.2-ipvs", "kube-proxy-1.19-iptables"]) {
    const withCounters = parse(read(`kube/${base}.nft.counters.save`));
    const plain = parse(read(`kube/${base}.nft.save`));
    for (const table of withCounters.tables) {
      for (const command of table.commands) {
        const counters = command.rule!.counters;
        assert.ok(counters !== null, command.text);
        assert.equal(counters.form, "prefix");
        assert.equal(counters.valid, true);
        assert.equal(`[${counters.packets}:${counters.bytes}]`, command.text.split(" ")[0]);
      }
    }
    for (const table of plain.tables) {
      for (const command of table.commands) assert.equal(command.rule!.counters, null, command.text);
    }
    // The same rules, whatever the dump's layout: compare them without their counters.
    const rules = (d: Document) =>
      d.tables.flatMap((t) => t.commands.map((c) => `${t.name} ${c.text.replace(/^\[\d+:\d+\] /, "")}`));
    assert.deepEqual(rules(withCounters), rules(plain), base);
  }
  const fedora = parse(read("real-world/fedora27-firewalld-iptables.txt"));
  const first = fedora.tables[0].commands[1].rule!.counters!;
  assert.equal(first.packets, 3n);
  assert.equal(first.bytes, 4n);
  const policy = fedora.tables[0].chains[0].counters!;
  assert.equal(policy.packets, 0n);
});

test("libvirt: `-d ! 192.168.122.0/24` is the old intrapositioned negation", () => {
  const text = read("real-world/libvirt-v1.4.21-old-negation.txt");
  const expectedLines = text
    .split("\n")
    .map((line, i) => (line.includes(" -d ! 192.168.122.0/24 ") ? i + 1 : 0))
    .filter((n) => n > 0);
  assert.ok(expectedLines.length >= 10, "the fixture has these rules");
  const document = parse(text);
  const found: number[] = [];
  for (const table of document.tables) {
    for (const command of table.commands) {
      const destination = command.rule!.genericOption("destination");
      if (destination === undefined || !destination.intrapositioned) continue;
      found.push(command.index + 1);
      assert.equal(table.name, "nat");
      assert.equal(destination.negated, true);
      assert.equal(destination.name, "-d");
      assert.equal(destination.value, "192.168.122.0/24");
      assert.equal(destination.bang!.text, "!");
      assert.equal(destination.text, "-d ! 192.168.122.0/24");
      // The `!` sits after the option word.
      assert.ok(destination.bang!.range.start > destination.optionWord.range.end);
      const source = command.rule!.genericOption("source")!;
      assert.equal(source.value, "192.168.122.0/24");
      assert.equal(source.negated, false);
      assert.equal(command.rule!.target!.name, "MASQUERADE");
    }
  }
  assert.deepEqual(found, expectedLines);
  // Prefix negation elsewhere in the same file is not intrapositioned.
  const prefixed = document.tables
    .flatMap((t) => t.commands)
    .flatMap((c) => c.rule!.generic)
    .filter((o) => o.negated && !o.intrapositioned);
  for (const option of prefixed) assert.ok(option.bang!.range.end <= option.optionWord.range.start);
});

test("kube-proxy 1.18.2: the KUBE-POSTROUTING MASQUERADE rule", () => {
  for (const file of [
    "kube-proxy-1.18.2-iptables.legacy.save",
    "kube-proxy-1.18.2-iptables.nft.save",
    "kube-proxy-1.18.2-iptables.nft.counters.save",
  ]) {
    const document = parse(read(`kube/${file}`));
    const nat = document.tables.find((t) => t.name === "nat")!;
    assert.ok(nat.chain("KUBE-POSTROUTING"), "the chain is declared");
    assert.equal(nat.chain("KUBE-POSTROUTING")!.policy, "-");
    const commands = nat.commandsFor("KUBE-POSTROUTING");
    assert.equal(commands.length, 1, file);
    const rule = commands[0].rule!;
    assert.deepEqual(
      rule.matches.map((m) => m.name),
      ["comment", "mark"],
    );
    assert.equal(rule.matches.every((m) => !m.implicit), true);
    assert.equal(rule.matches[0].option("--comment")!.value, "kubernetes service traffic requiring SNAT");
    assert.equal(rule.matches[0].option("--comment")!.values[0].raw, '"kubernetes service traffic requiring SNAT"');
    assert.equal(rule.matches[1].option("--mark")!.value, "0x4000/0x4000");
    assert.equal(rule.target!.kind, "jump");
    assert.equal(rule.target!.name, "MASQUERADE");
    assert.deepEqual(
      rule.target!.options.map((o) => [o.name, o.values.length]),
      [["--random-fully", 0]],
    );
    assert.equal(rule.target!.option("--random-fully")!.negated, false);
    assert.equal(rule.generic.length, 0);
    assert.equal(rule.counters?.text ?? null, file.includes("counters") ? "[0:0]" : null);
  }
});

test("kube-proxy 1.19: the fixed KUBE-POSTROUTING chain, in order", () => {
  const document = parse(read("kube/kube-proxy-1.19-iptables.nft.save"));
  const nat = document.tables.find((t) => t.name === "nat")!;
  const rules = nat.commandsFor("KUBE-POSTROUTING").map((c) => c.rule!);
  assert.deepEqual(
    rules.map((r) => r.target!.name),
    ["RETURN", "MARK", "MASQUERADE"],
  );
  const returnMark = rules[0].matchesNamed("mark")[0].option("--mark")!;
  assert.equal(returnMark.negated, true);
  assert.equal(returnMark.intrapositioned, false);
  assert.equal(rules[1].target!.option("--set-xmark")!.value, "0x4000/0x0");
});

test("docker: `-m iprange ! --dst-range` and the empty rule `-A CUSTOM`", () => {
  const document = parse(read("real-world/docker-bridge-v1.6.0.txt"));
  const filter = document.tables.find((t) => t.name === "filter")!;
  const empty = filter.commands.find((c) => c.text === "-A CUSTOM")!;
  assert.ok(empty, "the fixture has `-A CUSTOM`");
  assert.equal(empty.chain, "CUSTOM");
  assert.deepEqual(empty.rule!.elements, []);
  assert.equal(empty.rule!.target, null);
  const iprange = filter.commands.flatMap((c) => c.rule!.matchesNamed("iprange"));
  assert.ok(iprange.length > 0);
  for (const match of iprange) {
    const option = match.option("--dst-range", "--src-range")!;
    assert.ok(option, match.text);
    assert.equal(option.negated, option.text.startsWith("!"));
  }
});
