/**
 * chain-declaration's safe fix for a built-in chain declared in a table that does not have it
 * (`:FORWARD ACCEPT` in nat): it removes the line only when nothing in the table uses the
 * chain. iptables-nft-restore makes FORWARD a user chain of nat there, so rules may use it, and
 * without the declaration the nft backend refuses the table: the real iptables checks that here.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { requireNetfilter, tool, withNamespace } from "../helpers/netfilter.js";
import { check } from "./support.js";

const ID = "chain-declaration";
const DECLARATION = ":FORWARD ACCEPT [0:0]";

/** A nat table that declares FORWARD (line 6) and has these rules. */
const natWith = (...rules: string[]): string =>
  ["*nat", ":PREROUTING ACCEPT [0:0]", ":INPUT ACCEPT [0:0]", ":OUTPUT ACCEPT [0:0]", ":POSTROUTING ACCEPT [0:0]", DECLARATION, ...rules, "COMMIT", ""].join("\n");

/** Ways a rule of the table uses the chain FORWARD. */
const USES: Record<string, string[]> = {
  "a rule added to it": ["-A FORWARD -j MASQUERADE"],
  "a rule inserted into it": ["-I FORWARD 1 -j MASQUERADE"],
  "a jump to it": ["-A POSTROUTING -o eth0 -j FORWARD"],
  "a goto to it": ["-A POSTROUTING -o eth0 -g FORWARD"],
};

for (const [use, rules] of Object.entries(USES)) {
  test(`:FORWARD ACCEPT in nat with ${use}: flagged, and no fix removes the declaration`, () => {
    const text = natWith(...rules);
    const result = check(text, { unsafe: true });
    const findings = result.of(ID).filter((d) => d.loc.start.line === 6);
    assert.equal(findings.length, 1);
    assert.equal(findings[0].severity, "error");
    assert.equal(findings[0].fix, undefined);
    assert.match(findings[0].message, /^`:FORWARD ACCEPT` in nat, which has no built-in FORWARD:/);
    assert.ok(result.fixed.output.includes(`\n${DECLARATION}\n`), "the declaration is kept");
  });
}

test(":FORWARD ACCEPT in nat that nothing uses: the safe fix removes the line", () => {
  const text = natWith("-A POSTROUTING -o eth0 -j MASQUERADE");
  const [finding] = check(text).of(ID);
  assert.equal(finding.fix?.applicability, "safe");
  assert.equal(check(text).fixed.output, text.replace(`${DECLARATION}\n`, ""));
});

test(":FORWARD ACCEPT in nat declared twice: no fix removes either declaration", () => {
  const text = natWith(DECLARATION, "-A POSTROUTING -o eth0 -j MASQUERADE");
  const declarationFindings = check(text, { unsafe: true }).of(ID).filter((d) => /which has no built-in FORWARD/.test(d.message));
  assert.equal(declarationFindings.length, 2);
  assert.deepEqual(declarationFindings.map((d) => d.fix), [undefined, undefined]);
});

// What removing the declaration would do: the nft backend loads the table with it and refuses it without.
for (const [use, rules] of Object.entries(USES)) {
  test(`iptables-nft-restore refuses the nat table with ${use} once :FORWARD ACCEPT is removed`, async (t) => {
    if (!requireNetfilter(t)) return;
    const text = natWith(...rules);
    await withNamespace("decl-used", (ns) => {
      ns.restore("nft", 4, text);
      const without = ns.run(tool("restore", "nft", 4), [], text.replace(`${DECLARATION}\n`, ""));
      assert.notEqual(without.status, 0, `loaded without the declaration:\n${text}`);
    });
  });
}

test("`-P CHAIN DROP` in nat is refused by iptables itself (nft and legacy, v4 and v6); `:CHAIN DROP` in nat loads", async (t) => {
  const nat = (line: string) => `*nat\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]\n${line}\nCOMMIT\n`;
  const said = 'The "nat" table is not intended for filtering, the use of DROP is therefore inhibited.';
  const found = check(nat("-P PREROUTING DROP")).of("chain-declaration");
  assert.deepEqual(found.map((d) => `${d.loc.start.line}:${d.loc.start.column} ${d.message}`), [`6:15 \`-P PREROUTING DROP\` in nat: iptables refuses the line ("${said}")`]);
  assert.deepEqual(check(nat("-P PREROUTING ACCEPT")).diagnostics, []);
  assert.deepEqual(check(nat(":X - [0:0]").replace(":PREROUTING ACCEPT", ":PREROUTING DROP")).diagnostics.filter((d) => d.severity === "error"), []);
  if (!requireNetfilter(t)) return;
  await withNamespace("nat-drop-policy", (ns) => {
    for (const family of [4, 6] as const) {
      for (const backend of ["nft", "legacy"] as const) {
        const refused = ns.run(tool("restore", backend, family), [], nat("-P PREROUTING DROP"));
        assert.notEqual(refused.status, 0);
        assert.ok(refused.stderr.includes(said), refused.stderr);
        const declared = ns.run(tool("restore", backend, family), [], nat("").replace(":PREROUTING ACCEPT", ":PREROUTING DROP"));
        assert.equal(declared.status, 0, declared.stderr);
      }
    }
  });
});
