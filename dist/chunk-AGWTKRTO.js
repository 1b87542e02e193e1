import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  INVALID_SUPPRESSION,
  UNUSED_SUPPRESSION,
  allRules,
  lazyModule,
  nearest
} from "./chunk-4QJSDM7H.js";

// src/config/load.ts
import { basename } from "node:path";

// src/config/iptlint.schema.json
var iptlint_schema_default = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "https://github.com/iptlint/iptlint/blob/main/src/config/iptlint.schema.json",
  title: "iptlint configuration",
  description: "Found by cosmiconfig from the linted file's folder upward: package.json#iptlint, .iptlintrc, .iptlintrc.{json,yaml,yml,js,mjs,cjs} or iptlint.config.{js,mjs,cjs}.",
  type: "object",
  additionalProperties: false,
  properties: {
    $schema: {
      type: "string",
      description: "This schema, for editor completion."
    },
    rules: {
      $ref: "#/definitions/rules"
    },
    overrides: {
      type: "array",
      description: "Settings for some files only, applied in order after the top-level ones: a later match wins, rule by rule and key by key.",
      items: {
        type: "object",
        additionalProperties: false,
        required: [
          "files"
        ],
        properties: {
          files: {
            $ref: "#/definitions/globs",
            description: "The files this override applies to: a glob or a list of globs, relative to the configuration file's folder. A glob without a `/` matches file names in any folder (`*.v6`); `nodes/**/*.v4` matches paths."
          },
          rules: {
            $ref: "#/definitions/rules"
          },
          node: {
            $ref: "#/definitions/node"
          },
          family: {
            $ref: "#/definitions/family"
          }
        }
      }
    },
    ignores: {
      type: "array",
      description: "Files not to lint: globs relative to the configuration file's folder. A glob matching a folder ignores everything in it; a glob without a `/` matches names in any folder (`*.bak`, `old`).",
      items: {
        $ref: "#/definitions/glob"
      }
    },
    reportUnusedSuppressions: {
      $ref: "#/definitions/severity",
      description: "The severity of a finding at each `iptlint-disable` comment that suppresses nothing; `off` reports none. Default: warning.",
      default: "warning"
    },
    node: {
      $ref: "#/definitions/node"
    },
    family: {
      $ref: "#/definitions/family"
    },
    nodes: {
      type: "array",
      description: 'The files that are one node\'s rulesets, linted together: the node rules (`ipv6-left-open`) compare a node\'s IPv4 and IPv6 rulesets, and say nothing of a file given without its partner. Each entry pairs the files its `v4` globs match with those its `v6` globs match where the globs\' wildcards (`*`, `**`, `{a,b}`) matched the same text: `{ "v4": "nodes/*/rules.v4", "v6": "nodes/*/rules.v6" }` pairs `nodes/edge-1/rules.v4` with `nodes/edge-1/rules.v6`; a glob without a `/` pairs files of one folder (`{ "v4": "*-fw4.txt", "v6": "*-fw6.txt" }`). A matched file is linted as the family of its glob. Without an entry matching them, files of one folder pair by name when their names differ only in what says the family: `rules.v4` and `rules.v6`, `iptables.rules` and `ip6tables.rules`, `edge-iptables-save.txt` and `edge-ip6tables-save.txt`; `--live` lints the node\'s dumps together.',
      items: {
        type: "object",
        additionalProperties: false,
        required: [
          "v4",
          "v6"
        ],
        properties: {
          v4: {
            $ref: "#/definitions/globs",
            description: "The node's IPv4 (iptables) files: a glob or a list of globs, relative to the configuration file's folder."
          },
          v6: {
            $ref: "#/definitions/globs",
            description: "The node's IPv6 (ip6tables) files, paired with the IPv4 ones whose globs' wildcards matched the same text."
          }
        }
      }
    }
  },
  definitions: {
    severity: {
      enum: [
        "off",
        "info",
        "warning",
        "error"
      ],
      description: "`off` does not run the rule; any other severity replaces the one the rule would give each finding."
    },
    glob: {
      type: "string",
      minLength: 1,
      description: "A glob (picomatch syntax: `*`, `**`, `?`, `[...]`, `{a,b}`) relative to the configuration file's folder."
    },
    globs: {
      if: {
        type: "array"
      },
      then: {
        type: "array",
        minItems: 1,
        items: {
          $ref: "#/definitions/glob"
        }
      },
      else: {
        $ref: "#/definitions/glob"
      }
    },
    noOptions: {
      type: "object",
      additionalProperties: false,
      description: "This rule takes no options."
    },
    ruleSetting: {
      description: "A severity (`off`, `info`, `warning`, `error`), or `[severity, options]`.",
      if: {
        type: "array"
      },
      then: {
        type: "array",
        minItems: 1,
        maxItems: 2,
        items: [
          {
            $ref: "#/definitions/severity"
          },
          {
            $ref: "#/definitions/noOptions"
          }
        ]
      },
      else: {
        $ref: "#/definitions/severity"
      }
    },
    rules: {
      type: "object",
      description: "Rule id to severity (`off`, `info`, `warning`, `error`) or `[severity, options]`. A rule not listed runs with its own severity, which some rules weigh finding by finding; a listed severity applies to all of the rule's findings. Syntax errors are not a rule and cannot be turned off.",
      additionalProperties: false,
      properties: {
        "line-ends": {
          description: "CR LF line ends (iptables-restore reads the CR as part of each line's last word), or no newline after the last COMMIT (iptables-legacy-restore refuses it)",
          $ref: "#/definitions/ruleSetting"
        },
        "comment-after-rule": {
          description: '`# text` after a rule: `#` starts a comment only at the start of a line, so iptables refuses the line ("Bad argument `#\'")',
          $ref: "#/definitions/ruleSetting"
        },
        "stray-argument": {
          description: 'a word no option takes (`-s 10.0.0.1 10.0.0.2`, `-j ACCEPT extra`, `-i -j ACCEPT`): iptables refuses the line ("Bad argument")',
          $ref: "#/definitions/ruleSetting"
        },
        "unterminated-quote": {
          description: "a `\"` never closed on a rule's line: iptables takes the rest of the line and its line end as one value, refused by most options and unrestorable once saved in free text",
          $ref: "#/definitions/ruleSetting"
        },
        "old-negation-syntax": {
          description: "the old negation `-s ! x` of iptables <= 1.4.3, which iptables >= 1.4.12 refuses (fix: `! -s x`)",
          $ref: "#/definitions/ruleSetting"
        },
        "inline-option-value": {
          description: "a value joined with `=` to `--source`, `--destination`, `--in-interface`, `--out-interface`, `--protocol` or `--jump`, or in one word with `-s`, `-d`, `-p`, `-j` (`-s10.0.0.1`), which iptables-restore refuses (fix: a space)",
          $ref: "#/definitions/ruleSetting"
        },
        "option-needs-protocol": {
          description: "an option or match that needs a protocol (`--dport`, `-m tcp`, `--to-ports`) without `-p` of that protocol before it: the ruleset does not load",
          $ref: "#/definitions/ruleSetting"
        },
        "target-needs-protocol": {
          description: "a target that works on one protocol without it in the rule (`REJECT --reject-with tcp-reset`, `TCPMSS`, `CT --helper` without `-p`): the kernel refuses it",
          $ref: "#/definitions/ruleSetting"
        },
        "unknown-extension": {
          description: "`-m NAME` for a match iptables 1.8 does not ship (`-m conntrak`): iptables-restore refuses the line unless the node has the module (xtables-addons)",
          if: {
            type: "array"
          },
          then: {
            type: "array",
            minItems: 1,
            maxItems: 2,
            items: [
              {
                $ref: "#/definitions/severity"
              },
              {
                type: "object",
                properties: {
                  matches: {
                    type: "array",
                    items: {
                      type: "string",
                      minLength: 1
                    },
                    description: "match extensions the nodes have beyond iptables' own, e.g. xtables-addons' geoip"
                  }
                },
                additionalProperties: false
              }
            ]
          },
          else: {
            $ref: "#/definitions/severity"
          }
        },
        "unknown-option": {
          description: 'an option that no match or target of the line has, nor iptables itself (`--icmpc6-type`): iptables-restore refuses the line ("unknown option")',
          $ref: "#/definitions/ruleSetting"
        },
        "invalid-option-value": {
          description: "an option value iptables refuses (`--dport 4:3`, an interface name over 15 bytes, `--ctstate NEWX`): iptables-restore refuses the line, with iptables' message",
          $ref: "#/definitions/ruleSetting"
        },
        "missing-option": {
          description: "a match or target without an option it needs (`-m mark` without `--mark`, `-j MARK` without an operation): iptables-restore refuses the line",
          $ref: "#/definitions/ruleSetting"
        },
        "conflicting-options": {
          description: "two options of one match or target that exclude each other (`--set-mark` with `--and-mark`, `--syn` with `--tcp-flags`): iptables-restore refuses the line",
          $ref: "#/definitions/ruleSetting"
        },
        "option-cannot-be-negated": {
          description: "`!` before an option of a match or target that cannot be inverted (`! --comment`, `! --log-prefix`): iptables-restore refuses the line; `! -s 0.0.0.0/0`, which iptables-nft refuses",
          $ref: "#/definitions/ruleSetting"
        },
        "repeated-option": {
          description: "an option given twice where iptables takes it once (`--comment a --comment b`, `-s` twice): iptables-restore refuses the line",
          $ref: "#/definitions/ruleSetting"
        },
        "option-needs-newer-iptables": {
          description: "an option the node's iptables (`node.iptablesVersion`) does not have yet (`--random-fully` before 1.6.2): its iptables-restore refuses the line",
          $ref: "#/definitions/ruleSetting"
        },
        "address-family-mismatch": {
          description: "an IPv4 address, ICMP type, match or target in an ip6tables ruleset, or the reverse: the ruleset does not load",
          $ref: "#/definitions/ruleSetting"
        },
        "other-family-line": {
          description: "a `-4` line in an ip6tables ruleset, or a `-6` line in an iptables one: its restore tool skips the line",
          $ref: "#/definitions/ruleSetting"
        },
        "target-not-allowed-here": {
          description: "a target in a table or chain where the kernel refuses it (MASQUERADE outside nat POSTROUTING, REJECT outside filter, ...): the ruleset does not load",
          $ref: "#/definitions/ruleSetting"
        },
        "match-not-allowed-here": {
          description: "a match in a table or chain where the kernel refuses it (`-m owner` outside OUTPUT and POSTROUTING, `-m rpfilter` outside raw and mangle PREROUTING, ...): the ruleset does not load",
          $ref: "#/definitions/ruleSetting"
        },
        "multiport-too-many-ports": {
          description: "`-m multiport` with more than 15 ports (a range counts two): iptables refuses the line",
          $ref: "#/definitions/ruleSetting"
        },
        "interface-direction": {
          description: "`-o` in PREROUTING or INPUT, `-i` in OUTPUT or POSTROUTING: iptables refuses the rule; in a user chain reached only from such hooks, it never matches",
          $ref: "#/definitions/ruleSetting"
        },
        "queue-target": {
          description: "`-j QUEUE`, which iptables-nft refuses in every chain (fix: `-j NFQUEUE --queue-num 0`, the same verdict)",
          $ref: "#/definitions/ruleSetting"
        },
        "masquerade-mark-not-cleared": {
          description: "a packet marked for masquerading is SNATed with the mark still set (the VXLAN double SNAT of kube-proxy v1.16-v1.18.5)",
          $ref: "#/definitions/ruleSetting"
        },
        "mark-bit-conflict": {
          description: "two owners of packet marks (kube-proxy's masquerade and drop marks, a CNI) set or clear the same mark bit",
          $ref: "#/definitions/ruleSetting"
        },
        "icmpv6-nd-blocked": {
          description: "an ip6tables INPUT or OUTPUT that denies by default with no ACCEPT for neighbour discovery (ICMPv6 135, 136): IPv6 stops working",
          $ref: "#/definitions/ruleSetting"
        },
        "ipv6-left-open": {
          description: "the node's IPv4 INPUT denies by default but its IPv6 ruleset accepts everything: the node is open over IPv6",
          $ref: "#/definitions/ruleSetting"
        },
        "jump-to-undefined-chain": {
          description: "a jump or goto to a chain the table does not declare (or declares only later), or to a built-in chain: iptables-restore refuses the table",
          if: {
            type: "array"
          },
          then: {
            type: "array",
            minItems: 1,
            maxItems: 2,
            items: [
              {
                $ref: "#/definitions/severity"
              },
              {
                type: "object",
                properties: {
                  targets: {
                    type: "array",
                    items: {
                      type: "string",
                      minLength: 1
                    },
                    description: "target extensions the nodes have beyond iptables' own, e.g. xtables-addons' TARPIT"
                  }
                },
                additionalProperties: false
              }
            ]
          },
          else: {
            $ref: "#/definitions/severity"
          }
        },
        "undeclared-chain": {
          description: "a rule or command on a chain the table does not declare, or declares only later: iptables-restore refuses the table",
          $ref: "#/definitions/ruleSetting"
        },
        "chain-declaration": {
          description: "a chain declared twice, a policy on a user chain, a built-in chain the table does not have, a policy other than ACCEPT or DROP, a chain named after a target",
          $ref: "#/definitions/ruleSetting"
        },
        "chain-name-too-long": {
          description: "a chain or target name longer than 28 bytes: iptables refuses the line, even with --test",
          $ref: "#/definitions/ruleSetting"
        },
        "rule-not-in-chain": {
          description: "a `-D`, `-R` or `-I` naming a rule or rule number its chain does not have at that line (a restore starts from empty chains): iptables-restore refuses the line",
          $ref: "#/definitions/ruleSetting"
        },
        "unreachable-rule": {
          description: "a rule after an unconditional ACCEPT, DROP, REJECT, RETURN or goto in the same chain: no packet ever reaches it",
          $ref: "#/definitions/ruleSetting"
        },
        "duplicate-rule": {
          description: "a rule identical to an earlier rule of the same chain: it matches no packet the first did not, or does the same thing twice",
          $ref: "#/definitions/ruleSetting"
        },
        "unused-chain": {
          description: "a user chain that no built-in chain reaches (Kubernetes' *-CANARY, KUBE-IPTABLES-HINT and KUBE-MARK-* chains excepted): its rules never see a packet",
          if: {
            type: "array"
          },
          then: {
            type: "array",
            minItems: 1,
            maxItems: 2,
            items: [
              {
                $ref: "#/definitions/severity"
              },
              {
                type: "object",
                properties: {
                  ignore: {
                    type: "array",
                    items: {
                      type: "string",
                      minLength: 1
                    },
                    description: "chains that are meant to have no jump to them: names, or patterns with * (e.g. f2b-*)"
                  }
                },
                additionalProperties: false
              }
            ]
          },
          else: {
            $ref: "#/definitions/severity"
          }
        },
        "dump-unsupported-revision": {
          description: "`[unsupported revision]` in a dumped rule: the iptables-save that wrote it could not print the rule's options, and iptables-restore refuses the line",
          $ref: "#/definitions/ruleSetting"
        },
        "dump-incomplete-table": {
          description: "`# Table `nat' is incompatible, use 'nft' tool.` (or its base-chains form): iptables-nft-save left rules only nft can show out of the dump",
          $ref: "#/definitions/ruleSetting"
        },
        "iptables-backend-split": {
          description: "the node has rules in both backends (iptables-nft and iptables-legacy), which both see every packet: `# Warning: iptables-legacy tables present`, or both dumps given together",
          $ref: "#/definitions/ruleSetting"
        },
        "foreign-jump-into-kube-chain": {
          description: "a chain kube-proxy did not write (CNI portmap, CRI-O hostports, hand-written) jumps to KUBE-MARK-MASQ or KUBE-MARK-DROP, which are kube-proxy's own since KEP-3178",
          $ref: "#/definitions/ruleSetting"
        },
        "stale-proxy-mode-rules": {
          description: "kube-proxy's iptables-mode rules (KUBE-SVC-* chains, `has no endpoints` REJECTs) beside its IPVS-mode chains (KUBE-NODE-PORT, KUBE-LOAD-BALANCER): one mode is left over from a switch",
          $ref: "#/definitions/ruleSetting"
        },
        "kube-localnet-exposed": {
          description: "kube-proxy serves NodePorts on 127.0.0.1 (route_localnet=1) and no INPUT rule drops other hosts' packets to 127.0.0.0/8 (CVE-2020-8558)",
          $ref: "#/definitions/ruleSetting"
        },
        "forward-drop-strands-traffic": {
          description: "FORWARD's policy is DROP and no FORWARD rule accepts traffic the dump shows the node forwards (a masqueraded bridge, the pod network, a DNATed port)",
          $ref: "#/definitions/ruleSetting"
        },
        "published-port-bypasses-input": {
          description: "An INPUT rule blocks a port that nat DNATs to a container or pod: the packets are forwarded, never see INPUT, and the port stays open",
          $ref: "#/definitions/ruleSetting"
        },
        "raw-drop-shadows-filter-accept": {
          description: "a DROP in the raw table takes every packet a later filter ACCEPT would take: raw runs first, so the ACCEPT never sees a packet",
          $ref: "#/definitions/ruleSetting"
        },
        "security-jump-shadowed": {
          description: "a jump to a ban chain (fail2ban, crowdsec, sshguard) comes after an ACCEPT that already takes every new connection it would check: banned hosts get in",
          $ref: "#/definitions/ruleSetting"
        }
      }
    },
    node: {
      type: "object",
      description: "What is known of the nodes the rulesets come from; it weighs the findings (see the rules masquerade-mark-not-cleared and option-needs-newer-iptables).",
      additionalProperties: false,
      properties: {
        kernelVersion: {
          type: "string",
          minLength: 1,
          description: "The kernel release, as `uname -r` prints it, e.g. 5.4.0-107-generic."
        },
        kubernetesVersion: {
          type: "string",
          pattern: "^v?1\\.[0-9]+(\\.[0-9]+)?",
          description: "The Kubernetes (kube-proxy) version, e.g. v1.18.2."
        },
        iptablesVersion: {
          type: "string",
          pattern: "^v?1\\.[0-9]+(\\.[0-9]+)*$",
          description: "The iptables release on the nodes, as `iptables --version` prints it, e.g. 1.8.4: options it does not have yet are reported (the rule option-needs-newer-iptables); without it, nothing is."
        }
      }
    },
    family: {
      enum: [
        4,
        6
      ],
      description: "The address family of the rulesets: 4 for iptables, 6 for ip6tables. It wins over what a file's header (`# Generated by ip6tables-save`) and name (`rules.v6`, `*.ip6tables`) say; without it, they tell, else the family of most of the file's addresses, else nothing: rules then say nothing that holds for one family only."
    }
  }
};

// src/config/schema.ts
function ruleProperties(rules = allRules) {
  const properties = {};
  for (const rule of rules) {
    properties[rule.id] = rule.schema ? {
      description: rule.description,
      // The shape of definitions.ruleSetting with the rule's own options schema in it.
      if: { type: "array" },
      then: { type: "array", minItems: 1, maxItems: 2, items: [{ $ref: "#/definitions/severity" }, rule.schema] },
      else: { $ref: "#/definitions/severity" }
    } : { description: rule.description, $ref: "#/definitions/ruleSetting" };
  }
  return properties;
}
function buildSchema(rules = allRules) {
  const schema = structuredClone(iptlint_schema_default);
  schema.definitions.rules.properties = ruleProperties(rules);
  return schema;
}

// src/config/load.ts
var NO_CONFIG = Object.freeze({ config: Object.freeze({}), filePath: void 0 });
var ConfigError = class extends Error {
};
var SEARCH_PLACES = [
  "package.json",
  ".iptlintrc",
  ".iptlintrc.json",
  ".iptlintrc.yaml",
  ".iptlintrc.yml",
  ".iptlintrc.js",
  ".iptlintrc.mjs",
  ".iptlintrc.cjs",
  "iptlint.config.js",
  "iptlint.config.mjs",
  "iptlint.config.cjs"
];
var cosmiconfigModule = lazyModule("cosmiconfig");
var ajvModule = lazyModule("ajv");
var explorer;
async function loadConfig(options) {
  let found;
  explorer ??= cosmiconfigModule().cosmiconfig("iptlint", { searchStrategy: "global", searchPlaces: SEARCH_PLACES });
  try {
    found = options.path ? await explorer.load(options.path) : await explorer.search(options.directory);
  } catch (error) {
    const where = error.filepath ?? options.path ?? options.directory ?? ".";
    const reason = error.code === "ENOENT" ? "no such file" : error.message;
    throw new ConfigError(`cannot read the configuration (${where}): ${reason}`);
  }
  if (found === null) return NO_CONFIG;
  if (found.config === void 0 || found.config === null) return { config: {}, filePath: found.filepath };
  return { config: checkConfig(found.config, found.filepath), filePath: found.filepath };
}
var validators = /* @__PURE__ */ new WeakMap();
function validatorFor(rules) {
  let validate = validators.get(rules);
  if (!validate) {
    const ajv = new (ajvModule()).Ajv({ allErrors: true, verbose: true, strictTuples: false });
    validate = ajv.compile(buildSchema(rules));
    validators.set(rules, validate);
  }
  return validate;
}
function checkConfig(config, filePath, rules = allRules) {
  const validate = validatorFor(rules);
  if (validate(config)) return config;
  const schema = validate.schema;
  const ruleIds = rules.map((r) => r.id);
  const problems = [...new Set((validate.errors ?? []).filter((e) => e.keyword !== "if").map((e) => describe(e, schema, ruleIds)))];
  const name = basename(filePath) === "package.json" ? `${filePath}#iptlint` : filePath;
  throw new ConfigError(`invalid configuration in ${name}:
${problems.map((p) => `  - ${p}`).join("\n")}`);
}
var segmentsOf = (pointer) => pointer === "" ? [] : pointer.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
function keyPath(segments) {
  let path = "";
  for (const s of segments) path += /^\d+$/.test(s) ? `[${s}]` : path === "" ? s : `.${s}`;
  return path;
}
var SEVERITIES = ["off", "info", "warning", "error"];
var ESLINT_SEVERITIES = { 0: "off", 1: "warning", 2: "error" };
var typeName = (value) => value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
var article = (word) => /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
var shown = (value) => `\`${typeof value === "string" ? value : JSON.stringify(value)}\``;
function describe(error, schema, ruleIds) {
  const segments = segmentsOf(error.instancePath);
  const where = segments.length === 0 ? "the configuration" : `\`${keyPath(segments)}\``;
  const params = error.params;
  switch (error.keyword) {
    case "additionalProperties": {
      const key = params.additionalProperty;
      const definitions = schema.definitions;
      if (error.parentSchema === definitions.rules) return unknownRule(key, where, ruleIds);
      if (error.parentSchema === definitions.noOptions) {
        const rule = segments[segments.length - 2];
        return `rule \`${rule}\` takes no options, but ${where} has \`${key}\`: write \`"${rule}": "<severity>"\``;
      }
      const known = Object.keys(error.parentSchema?.properties ?? {});
      const guess = nearest(key, known);
      const within = segments.length === 0 ? "at the top level" : `in ${where}`;
      return `unknown key \`${key}\` ${within}${guess ? `: did you mean \`${guess}\`?` : ""} (known keys: ${known.join(", ")})`;
    }
    case "enum": {
      const allowed = params.allowedValues.map(String);
      const value = error.data;
      let guess = typeof value === "string" ? nearest(value, allowed) : void 0;
      if (typeof value === "number" && allowed.join() === SEVERITIES.join()) guess = ESLINT_SEVERITIES[value];
      return `${where} must be one of ${allowed.join(", ")}${guess ? `: did you mean \`${guess}\`?` : ` (got ${shown(value)})`}`;
    }
    case "type": {
      const expected = params.type;
      const got = typeName(error.data);
      const last = segments[segments.length - 1];
      if (segments.length === 0) return `the configuration must be an object of settings, not ${article(got)}`;
      if (last === "files") return `${where} must be a glob or a list of globs, not ${article(got)}`;
      if (last === "ignores" && typeof error.data === "string") {
        return `${where} must be an array, not a string: write \`[${JSON.stringify(error.data)}]\``;
      }
      return `${where} must be ${article(expected)}, not ${article(got)}`;
    }
    case "required":
      if (params.missingProperty === "files") {
        return `${where} has no \`files\`: give the files it applies to, a glob or a list of globs`;
      }
      return `${where} has no \`${params.missingProperty}\``;
    case "minItems":
      if (segments[segments.length - 1] === "files") return `${where} must list at least one glob`;
      return `${where} must have at least ${params.limit} item${params.limit === 1 ? "" : "s"}`;
    case "maxItems":
      if (segments[segments.length - 2] === "rules") {
        return `${where} must be \`[severity]\` or \`[severity, options]\`, not ${error.data.length} items`;
      }
      return `${where} must have at most ${params.limit} items`;
    case "minLength":
      return `${where} must not be empty`;
    case "pattern":
      if (segments[segments.length - 1] === "kubernetesVersion") return `${where} does not look like a version such as v1.18.2`;
      if (segments[segments.length - 1] === "iptablesVersion") return `${where} does not look like an iptables version such as 1.8.4`;
      return `${where} does not match \`${params.pattern}\``;
    default:
      return `${where} ${error.message ?? "is invalid"}`;
  }
}
function unknownRule(id, where, ruleIds) {
  if (id === "syntax") {
    return `\`syntax\` in ${where} cannot be configured: syntax errors are what iptables-restore refuses, and are always reported`;
  }
  if (id === UNUSED_SUPPRESSION) {
    return `\`${UNUSED_SUPPRESSION}\` in ${where} is not a rule: set \`reportUnusedSuppressions\` at the top level instead`;
  }
  if (id === INVALID_SUPPRESSION) {
    return `\`${INVALID_SUPPRESSION}\` in ${where} cannot be configured: correct or remove the suppression comment it reports`;
  }
  const guess = nearest(id, ruleIds);
  return `unknown rule \`${id}\` in ${where}${guess ? `: did you mean \`${guess}\`?` : ` (known rules: ${ruleIds.join(", ")})`}`;
}

// src/cli/errors.ts
var UnreadableInput = class extends Error {
};
var UnwritableFile = class extends Error {
};
var UsageError = class extends Error {
};

// src/cli/terminal.ts
function useColor(stream, env, flag) {
  if (flag !== void 0) return flag;
  if (env.NO_COLOR !== void 0 && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== void 0) return !["0", "false"].includes(env.FORCE_COLOR);
  return stream.isTTY === true && env.TERM !== "dumb";
}
var silent = { update() {
}, stop() {
} };
function progress(stderr, env, options) {
  if (stderr.isTTY !== true || env.TERM === "dumb" || env.CI || options.machineOutputOnStdout) return silent;
  let spinner;
  let text = "iptlint";
  let stopped = false;
  let release = () => {
  };
  const stop = () => {
    stopped = true;
    spinner?.stop();
    release();
  };
  void import("./ora-JAHHKLZ6.js").then(({ default: ora }) => {
    if (stopped) return;
    spinner = ora({
      stream: stderr,
      text,
      // Whether a person is watching was decided above; ora would ask process.env itself.
      isEnabled: true,
      color: options.color ? "cyan" : false,
      // Standard input and the terminal's modes are left alone. ora's discardStdin puts the
      // terminal in raw mode, where Ctrl-C is a byte to read, not SIGINT, and ora's reader of
      // it never starts on a fresh stdin: Ctrl-C did nothing until the run ended.
      discardStdin: false,
      // Hiding the cursor means showing it again on any exit, which ora does with a signal
      // handler for the rest of the run (signal-exit); every Ctrl-C would then wait for the
      // event loop. The cursor stays visible instead.
      hideCursor: false
    }).start();
    release = onInterrupt(() => spinner?.stop());
  });
  return {
    update(next) {
      text = next;
      if (spinner) spinner.text = next;
    },
    stop
  };
}
var undoOnInterrupt = /* @__PURE__ */ new Set();
var STOP_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"];
function onInterrupt(undo) {
  if (undoOnInterrupt.size === 0) for (const signal of STOP_SIGNALS) process.on(signal, interrupted);
  undoOnInterrupt.add(undo);
  return () => {
    if (!undoOnInterrupt.delete(undo) || undoOnInterrupt.size > 0) return;
    for (const signal of STOP_SIGNALS) process.removeListener(signal, interrupted);
  };
}
function interrupted(signal) {
  for (const undo of undoOnInterrupt) {
    try {
      undo();
    } catch {
    }
  }
  undoOnInterrupt.clear();
  for (const each of STOP_SIGNALS) process.removeListener(each, interrupted);
  process.kill(process.pid, signal);
}

export {
  NO_CONFIG,
  ConfigError,
  loadConfig,
  checkConfig,
  UnreadableInput,
  UnwritableFile,
  UsageError,
  useColor,
  progress,
  onInterrupt
};
