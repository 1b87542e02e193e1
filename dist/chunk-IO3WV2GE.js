import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  INVALID_SUPPRESSION,
  OTHER_FAMILY_LINE,
  SYNTAX,
  UNUSED_SUPPRESSION,
  allRules,
  lazyModule,
  modelOf,
  nearest,
  parse,
  reparse,
  rewrittenLines
} from "./chunk-4QJSDM7H.js";

// src/fix/regions.ts
function editedRegions(document, edits, output) {
  const lexed = document.source.lexed;
  if (lexed.lineCount === 0 || document.diagnostics.length > 0) return void 0;
  const regions = [];
  for (const { first, last, newStart, newEnd } of rewrittenLines(lexed, edits)) {
    const table = tableAround(document, first, last);
    if (table === void 0) return void 0;
    const text = output.slice(newStart, newEnd);
    if (/^(\*|COMMIT[ \t\r]*$)/m.test(text)) return void 0;
    const body = text.endsWith("\n") || text === "" ? text : `${text}
`;
    const lines = parse(table.name === null ? body : `*${table.name}
${body}COMMIT
`);
    regions.push({ table, oldFirst: first, oldLast: last, newStart, newEnd, lines });
  }
  return regions;
}
function tableAround(document, first, last) {
  if (first === 0) return void 0;
  if (document.form === "rules") return document.tables[0];
  return document.tables.find((t) => t.header !== null && t.commit !== null && t.header.index < first && t.commit.index > last);
}
var regionCommands = (region) => region.lines.tables.flatMap((t) => t.commands);

// src/fix/apply.ts
var OVERLAPS = "overlaps another fix";
function applyFixes(document, fixes, options = {}) {
  const { text } = document;
  const skipped = [];
  if (document.diagnostics.some((d) => d.severity === "error")) {
    return unchanged(document, fixes.map((fix) => ({ fix, reason: "the file has syntax errors" })));
  }
  const candidates = [];
  for (const fix of fixes) {
    const problem = invalidReason(fix, text.length);
    if (problem) skipped.push({ fix, reason: problem });
    else if (fix.applicability === "unsafe" && !options.unsafe) skipped.push({ fix, reason: "unsafe (use --unsafe-fixes)" });
    else candidates.push(fix);
  }
  candidates.sort((a, b) => firstStart(a) - firstStart(b));
  const taken = [];
  const claimed = new Claims();
  const takenKeys = /* @__PURE__ */ new Set();
  for (const fix of candidates) {
    const key = fixKey(fix);
    if (takenKeys.has(key)) continue;
    if (fix.edits.some((edit) => claimed.overlaps(edit))) {
      skipped.push({ fix, reason: OVERLAPS });
      continue;
    }
    for (const edit of fix.edits) claimed.add(edit);
    taken.push(fix);
    takenKeys.add(key);
  }
  if (taken.length === 0) return unchanged(document, skipped);
  let checked = check(document, taken);
  if (!checked.parses) {
    const good = taken.filter((fix) => {
      const parses = check(document, [fix]).parses;
      if (!parses) skipped.push({ fix, reason: "the fixed text would not parse" });
      return parses;
    });
    checked = check(document, good);
    if (good.length === 0 || !checked.parses) {
      for (const fix of good) skipped.push({ fix, reason: "the fixed text would not parse" });
      return unchanged(document, skipped);
    }
    return result(document, checked, good, skipped);
  }
  return result(document, checked, taken, skipped);
}
function check(document, fixes) {
  const edits = editsOf(fixes);
  const output = render(document.text, fixes);
  const regions = editedRegions(document, edits, output);
  if (regions !== void 0) return { output, parses: !regions.some((r) => hasErrors(r.lines)), regions };
  const parsed = reparse(document, edits, output);
  return { output, parses: !hasErrors(parsed), parsed };
}
function result(document, checked, applied, skipped) {
  let parsed = checked.parsed;
  const edits = editsOf(applied);
  return {
    output: checked.output,
    get document() {
      return parsed ??= reparse(document, edits, checked.output);
    },
    applied,
    firstPass: applied,
    skipped,
    edits,
    passes: 1,
    regions: checked.regions
  };
}
var unchanged = (document, skipped) => ({
  output: document.text,
  document,
  applied: [],
  firstPass: [],
  skipped,
  edits: [],
  passes: 0
});
var fixKey = (fix) => editsOf([fix]).map((e) => `${e.start}:${e.end}:${e.text}`).join("\n");
function unresolved(findings, result2, relinted) {
  if (result2.applied.length === 0) return [...findings];
  const applied = new Set(result2.firstPass.map(fixKey));
  const edits = result2.edits.filter((e) => e.end > e.start);
  const editBefore = (offset) => {
    let low = 0;
    let high = edits.length;
    while (low < high) {
      const mid = low + high >> 1;
      if (edits[mid].start <= offset) low = mid + 1;
      else high = mid;
    }
    return low - 1;
  };
  const rewritten = (range) => {
    const edit = edits[editBefore(range.start)];
    return edit !== void 0 && range.start < edit.end && range.end <= edit.end;
  };
  const left = findings.filter((f) => !(f.fix && applied.has(fixKey(f.fix))) && !rewritten(f.range));
  if (result2.passes <= 1 || relinted === void 0) return left;
  const all = result2.edits;
  const grownBefore = [0];
  for (const e of all) grownBefore.push(grownBefore[grownBefore.length - 1] + e.text.length - (e.end - e.start));
  const fixedOffset = (offset, isStart) => {
    let low = 0;
    let high = all.length;
    while (low < high) {
      const mid = low + high >> 1;
      const e = all[mid];
      if (e.start < offset || isStart && e.start === offset && e.end === offset) low = mid + 1;
      else high = mid;
    }
    const last = all[low - 1];
    if (last !== void 0 && last.end > offset) return last.start + grownBefore[low - 1];
    return offset + grownBefore[low];
  };
  const flagged = /* @__PURE__ */ new Map();
  for (const d of relinted.findings) {
    const key = `${d.ruleId}\0${result2.output.slice(d.range.start, d.range.end)}`;
    flagged.set(key, (flagged.get(key) ?? 0) + 1);
  }
  return left.filter((f) => {
    if (f.ruleId === void 0 || !relinted.rules.has(f.ruleId)) return true;
    const key = `${f.ruleId}\0${result2.output.slice(fixedOffset(f.range.start, true), fixedOffset(f.range.end, false))}`;
    const count = flagged.get(key) ?? 0;
    if (count > 0) flagged.set(key, count - 1);
    return count > 0;
  });
}
var editsOf = (fixes) => fixes.flatMap((fix) => fix.edits).sort((a, b) => a.start - b.start || a.end - b.end);
var hasErrors = (document) => document.diagnostics.some((d) => d.severity === "error");
function render(text, fixes) {
  const edits = editsOf(fixes);
  const parts = [];
  let at = 0;
  for (const edit of edits) {
    parts.push(text.slice(at, edit.start), edit.text);
    at = edit.end;
  }
  parts.push(text.slice(at));
  return parts.join("");
}
function invalidReason(fix, length) {
  if (fix.edits.length === 0) return "no edits";
  const edits = [...fix.edits].sort((a, b) => a.start - b.start);
  for (let i = 0; i < edits.length; i++) {
    const { start, end } = edits[i];
    if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= length)) {
      return `edit [${start}, ${end}) is outside the text`;
    }
    if (i > 0 && start < edits[i - 1].end) return "its own edits overlap";
  }
  return null;
}
var firstStart = (fix) => Math.min(...fix.edits.map((e) => e.start));
var Claims = class {
  constructor() {
    this.ranges = [];
  }
  overlaps(edit) {
    const i = this.firstEndingAfter(edit.start);
    for (let j = Math.max(0, i - 1); j < this.ranges.length && this.ranges[j].start <= edit.end; j++) {
      const r = this.ranges[j];
      if (edit.start < r.end && r.start < edit.end) return true;
      if (edit.start === r.start && (edit.start === edit.end || r.start === r.end)) return true;
    }
    return false;
  }
  add(edit) {
    let i = this.ranges.length;
    while (i > 0 && this.ranges[i - 1].start > edit.start) i--;
    this.ranges.splice(i, 0, edit);
  }
  /** Index of the first claimed range that ends after `offset` (claims never overlap, so ends are sorted too). */
  firstEndingAfter(offset) {
    let low = 0;
    let high = this.ranges.length;
    while (low < high) {
      const mid = low + high >> 1;
      if (this.ranges[mid].end <= offset) low = mid + 1;
      else high = mid;
    }
    return low;
  }
};

// src/config/resolve.ts
import { basename, dirname, isAbsolute, relative, resolve, sep } from "node:path";
var picomatch = lazyModule("picomatch");
var DEFAULT_REPORT_UNUSED_SUPPRESSIONS = "warning";
function defaultSettings() {
  return { ignored: false, rules: /* @__PURE__ */ new Map(), node: {}, reportUnusedSuppressions: DEFAULT_REPORT_UNUSED_SUPPRESSIONS };
}
function resolveSettings(loaded, filePath) {
  const { config } = loaded;
  const settings = defaultSettings();
  settings.reportUnusedSuppressions = config.reportUnusedSuppressions ?? DEFAULT_REPORT_UNUSED_SUPPRESSIONS;
  applyRules(settings.rules, config.rules);
  settings.node = mergeNode({}, config.node);
  const from = loaded.filePath === void 0 ? "the configuration" : `the configuration (${basename(loaded.filePath)})`;
  if (config.family !== void 0) settings.family = { family: config.family, because: `${from} says \`family: ${config.family}\`` };
  if (filePath === void 0) return settings;
  const matchers = compiled(config);
  const path = pathsOf(loaded, filePath);
  settings.ignored = matchers.ignores !== null && matchers.ignores(path);
  const member = nodeMember(matchers, path);
  if (member !== null) {
    settings.nodeKey = `${loaded.filePath ?? ""}#${member.key}`;
    settings.family = { family: member.family, because: `${from} pairs it as the IPv${member.family} file of a node (\`nodes[${member.entry}].v${member.family}\`)` };
  }
  for (const [index, override] of (config.overrides ?? []).entries()) {
    if (!matchers.overrides[index](path)) continue;
    applyRules(settings.rules, override.rules);
    settings.node = mergeNode(settings.node, override.node);
    if (override.family !== void 0) settings.family = { family: override.family, because: `${from} says \`family: ${override.family}\` for ${listGlobs(override.files)}` };
  }
  return settings;
}
var listGlobs = (files) => (typeof files === "string" ? [files] : files).map((f) => `\`${f}\``).join(", ");
function applyRules(into, rules) {
  for (const [id, entry] of Object.entries(rules ?? {})) {
    const [severity, options] = Array.isArray(entry) ? entry : [entry];
    into.set(id, { severity, options: options ?? into.get(id)?.options });
  }
}
function mergeNode(base, more) {
  const merged = { ...base };
  for (const [key, value] of Object.entries(more ?? {})) {
    if (value !== void 0) merged[key] = value;
  }
  return merged;
}
var cache = /* @__PURE__ */ new WeakMap();
function compiled(config) {
  let entry = cache.get(config);
  if (!entry) {
    entry = {
      overrides: (config.overrides ?? []).map((o) => matcher(typeof o.files === "string" ? [o.files] : o.files)),
      ignores: config.ignores?.length ? matcher(config.ignores) : null,
      nodes: (config.nodes ?? []).map(
        (entry2) => [4, 6].flatMap((family) => listOf(entry2[`v${family}`]).map((glob) => ({ family, capture: capturing(glob) })))
      )
    };
    cache.set(config, entry);
  }
  return entry;
}
var listOf = (globs) => typeof globs === "string" ? [globs] : globs;
function capturing(glob) {
  const cleaned = glob.replace(/^(\.\/)+/, "");
  const re = picomatch().makeRe(toSlashes(cleaned), { dot: true, capture: true });
  const groups = (text) => {
    const m = re.exec(text);
    return m === null ? null : m.slice(1).map((g) => g ?? "");
  };
  if (isAbsolute(glob)) return (path) => groups(path.absolute);
  if (cleaned.includes("/")) return (path) => path.relative === null ? null : groups(path.relative);
  return (path) => {
    if (path.relative === null) return null;
    const slash = path.relative.lastIndexOf("/");
    const found = groups(path.relative.slice(slash + 1));
    return found === null ? null : [path.relative.slice(0, Math.max(slash, 0)), ...found];
  };
}
function nodeMember(matchers, path) {
  for (const [entry, globs] of matchers.nodes.entries()) {
    for (const { family, capture } of globs) {
      const parts = capture(path);
      if (parts !== null) return { entry, family, key: `${entry}:${JSON.stringify(parts)}` };
    }
  }
  return null;
}
var toSlashes = (path) => sep === "/" ? path : path.split(sep).join("/");
function pathsOf(loaded, filePath) {
  const absolute = resolve(filePath);
  const base = loaded.filePath === void 0 ? process.cwd() : dirname(resolve(loaded.filePath));
  const rel = relative(base, absolute);
  const outside = rel === "" || rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel);
  return { relative: outside ? null : toSlashes(rel), absolute: toSlashes(absolute) };
}
function ancestry(path) {
  const out = [path];
  let { relative: rel, absolute } = path;
  while (rel === null ? absolute.lastIndexOf("/") > 0 : rel.includes("/")) {
    rel = rel === null ? null : rel.slice(0, rel.lastIndexOf("/"));
    absolute = absolute.slice(0, absolute.lastIndexOf("/"));
    out.push({ relative: rel, absolute });
  }
  return out;
}
function matcher(globs) {
  const tests = [];
  for (const glob of globs) {
    const foldersOnly = glob.endsWith("/");
    const cleaned = glob.replace(/^(\.\/)+/, "").replace(/(.)\/+$/, "$1");
    let test;
    if (isAbsolute(glob)) {
      const match = picomatch()(toSlashes(cleaned), { dot: true });
      test = (path) => match(path.absolute);
    } else if (cleaned.includes("/")) {
      const match = picomatch()(cleaned, { dot: true });
      test = (path) => path.relative !== null && match(path.relative);
    } else {
      const match = picomatch()(cleaned, { dot: true });
      test = (path) => path.relative !== null && match(path.relative.slice(path.relative.lastIndexOf("/") + 1));
    }
    tests.push((path, isFolder) => (isFolder || !foldersOnly) && test(path));
  }
  return (file) => ancestry(file).some((path, i) => tests.some((test) => test(path, i > 0)));
}

// src/suppress.ts
var MARKER = "iptlint-";
var MARKER_TAIL = "lint-";
var MARKER_HEAD = MARKER.length - MARKER_TAIL.length;
function* markerOffsets(text) {
  for (let at = text.indexOf(MARKER_TAIL, MARKER_HEAD); at !== -1; at = text.indexOf(MARKER_TAIL, at + MARKER_TAIL.length)) {
    if (text.startsWith(MARKER, at - MARKER_HEAD)) yield at - MARKER_HEAD;
  }
}
var LINE_KINDS = ["disable-next-line", "disable-file", "disable", "enable"];
var COMMENT_KINDS = ["disable", "disable-line"];
function parseSuppressions(document, knownRules = allRules.map((r) => r.id)) {
  const parsed = { suppressions: [], problems: [] };
  const { text, source } = document;
  let lastLine = -1;
  for (const at of markerOffsets(text)) {
    const index = source.positionAt(at).line - 1;
    if (index >= source.lexed.lineCount) break;
    if (index === lastLine) continue;
    lastLine = index;
    const line = document.line(index);
    if (line.kind === "comment") commentDirective(document, line, knownRules, parsed);
    else if (line.kind === "command") ruleCommentDirectives(document, line, knownRules, parsed);
  }
  return parsed;
}
function commentDirective(document, line, knownRules, out) {
  const match = /^#\s*iptlint-(\S*)(.*)$/.exec(line.text);
  if (!match) return;
  const [, word, rest] = match;
  const kind = LINE_KINDS.find((k) => k === word);
  if (kind === void 0) {
    const message = word === "disable-line" ? "`iptlint-disable-line` on a `#` line has no line of its own to suppress: use `iptlint-disable-next-line` above the rule" : unknownDirective(word, LINE_KINDS);
    out.problems.push(invalid(document, line.range, message));
    return;
  }
  const { rules, reason } = ruleList(rest, `iptlint-${kind}`, document, line.range, knownRules, out);
  const target = kind === "disable-next-line" ? nextContentLine(document, line.index) : line.index;
  out.suppressions.push({ kind, rules, reason, range: line.range, line: line.index, target });
}
function ruleCommentDirectives(document, line, knownRules, out) {
  const rule = line.rule;
  if (rule === null) return;
  for (const match of rule.matchesNamed("comment")) {
    const option = match.option("--comment");
    const word = option?.values[0];
    if (!word) continue;
    const found = /(?:^|\s)iptlint-(\S*)(.*)$/.exec(word.value);
    if (!found) continue;
    const [, kind, rest] = found;
    if (!COMMENT_KINDS.includes(kind)) {
      const message = LINE_KINDS.includes(kind) ? `\`iptlint-${kind}\` has no effect in a rule's comment: write \`iptlint-disable RULE\` there, which exempts this rule` : unknownDirective(kind, COMMENT_KINDS);
      out.problems.push(invalid(document, word.range, message));
      continue;
    }
    const { rules, reason } = ruleList(rest, `iptlint-${kind}`, document, word.range, knownRules, out);
    out.suppressions.push({ kind: "rule-comment", rules, reason, range: word.range, line: line.index, target: line.index });
  }
}
function ruleList(rest, directive, document, range, knownRules, out) {
  const separator = /(?:^|\s)--(?:\s|$)/.exec(rest);
  const list = separator ? rest.slice(0, separator.index) : rest;
  const reason = separator ? rest.slice(separator.index + separator[0].length).trim() || void 0 : void 0;
  const ids = list.split(/[\s,]+/).filter((id) => id !== "");
  if (ids.length === 0) return { rules: null, reason };
  const rules = [];
  for (const id of ids) {
    if (knownRules.includes(id)) {
      if (!rules.includes(id)) rules.push(id);
    } else if (id === SYNTAX) {
      out.problems.push(
        invalid(document, range, `\`${directive} syntax\`: syntax errors cannot be suppressed, iptables-restore refuses the line whatever a comment says`)
      );
    } else {
      const guess = nearest(id, knownRules);
      const hint = guess ? `: did you mean \`${guess}\`?` : " (`iptlint rules` lists them)";
      out.problems.push(invalid(document, range, `unknown rule \`${id}\` in \`${directive}\`${hint}`));
    }
  }
  return { rules, reason };
}
function unknownDirective(word, kinds) {
  const guess = nearest(word, kinds);
  const known = guess ? `: did you mean \`iptlint-${guess}\`?` : ` (known: ${kinds.map((k) => `iptlint-${k}`).join(", ")})`;
  return `unknown directive \`iptlint-${word}\`${known}`;
}
function nextContentLine(document, index) {
  const count = document.source.lexed.lineCount;
  for (let i = index + 1; i < count; i++) {
    const kind = document.kindOf(i);
    if (kind !== "comment" && kind !== "blank") return i;
  }
  return -1;
}
var invalid = (document, range, message) => ({
  ruleId: INVALID_SUPPRESSION,
  severity: "warning",
  message,
  range,
  loc: document.source.locate(range)
});
var covers = (s, ruleId) => s.rules === null || s.rules.includes(ruleId);
function applySuppressions(document, diagnostics, options = {}) {
  if (markerOffsets(document.text).next().done) return [...diagnostics];
  const { suppressions, problems } = parseSuppressions(document, options.knownRules);
  const active = suppressions.map((s) => ({ ...s, used: /* @__PURE__ */ new Set(), endedNothing: [] }));
  const fileWide = active.filter((s) => s.kind === "disable-file");
  const byTarget = /* @__PURE__ */ new Map();
  for (const s of active) {
    if (s.kind !== "disable-next-line" && s.kind !== "rule-comment") continue;
    byTarget.set(s.target, [...byTarget.get(s.target) ?? [], s]);
  }
  const ranges = new RangeState(active.filter((s) => s.kind === "disable" || s.kind === "enable"));
  const kept = [];
  const ordered = [...diagnostics].sort((a, b) => a.range.start - b.range.start);
  for (const diagnostic of ordered) {
    if (diagnostic.ruleId === SYNTAX) {
      kept.push(diagnostic);
      continue;
    }
    const line = diagnostic.loc.start.line - 1;
    ranges.advanceTo(line);
    const suppressing = [
      ...fileWide.filter((s) => covers(s, diagnostic.ruleId)),
      ...(byTarget.get(line) ?? []).filter((s) => covers(s, diagnostic.ruleId)),
      ...ranges.suppressing(diagnostic.ruleId)
    ];
    for (const s of suppressing) s.used.add(diagnostic.ruleId);
    if (suppressing.length === 0) kept.push(diagnostic);
  }
  ranges.advanceTo(Infinity);
  kept.push(...problems);
  const severity = options.reportUnused ?? "warning";
  if (severity !== "off") {
    for (const s of active) {
      const message = unusedMessage(s);
      if (message !== null) {
        kept.push({ ruleId: UNUSED_SUPPRESSION, severity, message, range: s.range, loc: document.source.locate(s.range) });
      }
    }
  }
  return kept.sort((a, b) => a.range.start - b.range.start);
}
var RangeState = class {
  constructor(directives) {
    this.directives = directives;
    this.next = 0;
    /** The directive that disabled each rule by name. */
    this.byRule = /* @__PURE__ */ new Map();
    /** A disable of every rule, and the rules enabled again by name since. */
    this.all = null;
    this.exceptions = /* @__PURE__ */ new Set();
  }
  /** Applies the directives on the lines before `line`. */
  advanceTo(line) {
    while (this.next < this.directives.length && this.directives[this.next].line < line) this.apply(this.directives[this.next++]);
  }
  suppressing(ruleId) {
    const out = [];
    const named = this.byRule.get(ruleId);
    if (named) out.push(named);
    if (this.all && !this.exceptions.has(ruleId)) out.push(this.all);
    return out;
  }
  apply(d) {
    if (d.kind === "disable") {
      if (d.rules === null) {
        this.all = d;
        this.exceptions.clear();
      } else {
        for (const id of d.rules) {
          this.byRule.set(id, d);
          this.exceptions.delete(id);
        }
      }
      return;
    }
    if (d.rules === null) {
      if (this.all === null && this.byRule.size === 0) d.endedNothing.push("*");
      this.all = null;
      this.byRule.clear();
      this.exceptions.clear();
      return;
    }
    for (const id of d.rules) {
      const wasDisabled = this.byRule.delete(id) || this.all !== null && !this.exceptions.has(id);
      if (this.all !== null) this.exceptions.add(id);
      if (!wasDisabled) d.endedNothing.push(id);
    }
  }
};
function orList(ids) {
  const quoted = ids.map((id) => `\`${id}\``);
  return quoted.length <= 1 ? quoted.join("") : `${quoted.slice(0, -1).join(", ")} or ${quoted[quoted.length - 1]}`;
}
function unusedMessage(s) {
  if (s.kind === "enable") {
    if (s.endedNothing.length === 0) return null;
    if (s.endedNothing[0] === "*") return "unused suppression: nothing is disabled here, so `iptlint-enable` does nothing";
    const ids = s.endedNothing;
    return `unused suppression: ${orList(ids)} ${ids.length === 1 ? "is" : "are"} not disabled here, so \`iptlint-enable\` does nothing for ${ids.length === 1 ? "it" : "them"}`;
  }
  let finding;
  if (s.rules === null) {
    if (s.used.size > 0) return null;
    finding = "finding";
  } else {
    const unused = s.rules.filter((id) => !s.used.has(id));
    if (unused.length === 0) return null;
    finding = `${orList(unused)} finding`;
  }
  switch (s.kind) {
    case "disable-next-line":
      return s.target === -1 ? "unused suppression: `iptlint-disable-next-line` has no line after it" : `unused suppression: line ${s.target + 1} has no ${finding} to suppress`;
    case "disable":
      return `unused suppression: no ${finding} between this \`iptlint-disable\` and its \`iptlint-enable\` (or the end of the file)`;
    case "disable-file":
      return `unused suppression: this file has no ${finding} to suppress`;
    case "rule-comment":
      return `unused suppression: this rule has no ${finding} to suppress`;
  }
}

// src/fix/fixed-point.ts
var MAX_FIX_PASSES = 10;
function fixUntilStable(document, found, lintAgain, options = {}) {
  const passes = [];
  let current = document;
  let findings;
  let skipped = [];
  let stable = true;
  for (let fixes = fixesOf(found); ; fixes = fixesOf(findings)) {
    const pass = applyFixes(current, fixes, options);
    if (pass.applied.length === 0) {
      skipped = pass.skipped;
      break;
    }
    if (passes.length === MAX_FIX_PASSES) {
      stable = false;
      skipped = pass.applied.map((fix) => ({ fix, reason: `still to apply after ${MAX_FIX_PASSES} passes of fixes` }));
      break;
    }
    passes.push(pass);
    findings = void 0;
    if (options.onlyAfterOverlaps && !pass.skipped.some((s) => s.reason === OVERLAPS)) {
      skipped = pass.skipped;
      break;
    }
    current = pass.document;
    findings = lintAgain(current);
  }
  return { result: passesResult(document, passes, skipped), findings, stable };
}
var fixesOf = (findings) => findings.flatMap((d) => d.fix ? [d.fix] : []);
function passesResult(document, passes, skipped) {
  if (passes.length === 0) return { output: document.text, document, applied: [], firstPass: [], skipped, edits: [], passes: 0 };
  const first = passes[0];
  const last = passes[passes.length - 1];
  if (passes.length === 1) {
    first.skipped = skipped;
    return first;
  }
  let edits = first.edits;
  for (const pass of passes.slice(1)) edits = composeEdits(edits, pass.edits, pass.output);
  return {
    output: last.output,
    document: last.document,
    applied: passes.flatMap((p) => p.applied),
    firstPass: first.applied,
    skipped,
    edits,
    passes: passes.length,
    regions: editedRegions(document, edits, last.output)
  };
}
function composeEdits(first, second, c) {
  const spans = [];
  let shift = 0;
  for (const edit of first) {
    const growth = edit.text.length - (edit.end - edit.start);
    spans.push({ start: edit.start + shift, end: edit.start + shift + edit.text.length, round: 1, growth });
    shift += growth;
  }
  for (const edit of second) spans.push({ start: edit.start, end: edit.end, round: 2, growth: edit.text.length - (edit.end - edit.start) });
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  const out = [];
  let grownBefore1 = 0;
  let grownBefore2 = 0;
  for (let i = 0; i < spans.length; ) {
    const start = spans[i].start;
    let end = spans[i].end;
    let grown1 = 0;
    let grown2 = 0;
    for (; i < spans.length && spans[i].start <= end; i++) {
      end = Math.max(end, spans[i].end);
      if (spans[i].round === 1) grown1 += spans[i].growth;
      else grown2 += spans[i].growth;
    }
    out.push({
      start: start - grownBefore1,
      end: end - grownBefore1 - grown1,
      text: c.slice(start + grownBefore2, end + grownBefore2 + grown2)
    });
    grownBefore1 += grown1;
    grownBefore2 += grown2;
  }
  return out;
}

// src/utf16.ts
var SNIFF_LENGTH = 8e3;
function utf16Encoding(text) {
  const sample = text.slice(0, SNIFF_LENGTH);
  if (!sample.includes("\0")) return void 0;
  const head = sample.slice(0, 2);
  if (head === "\xFF\xFE") return { name: "UTF-16LE", bom: true };
  if (head === "\xFE\xFF") return { name: "UTF-16BE", bom: true };
  if (head === "\uFFFD\uFFFD") return { name: sample[2] === "\0" ? "UTF-16BE" : "UTF-16LE", bom: true };
  const pairs = sample.length >> 1;
  if (pairs < 2) return void 0;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (sample[i] === "\0") evenNul++;
    if (sample[i + 1] === "\0") oddNul++;
  }
  if (oddNul >= 0.9 * pairs && evenNul <= 0.1 * pairs) return { name: "UTF-16LE", bom: false };
  if (evenNul >= 0.9 * pairs && oddNul <= 0.1 * pairs) return { name: "UTF-16BE", bom: false };
  return void 0;
}
function namingUtf16(document) {
  const encoding = document.diagnostics.length === 1 ? utf16Encoding(document.text) : void 0;
  if (encoding === void 0) return document.diagnostics;
  const from = encoding.bom ? "UTF-16" : encoding.name;
  const end = Math.min(2, document.text.length);
  return [
    {
      ruleId: SYNTAX,
      severity: "error",
      message: `UTF-16 text (${encoding.name}): iptables-restore reads bytes and cannot load it; convert it with \`iconv -f ${from} -t UTF-8\``,
      range: { start: 0, end },
      loc: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: end + 1, offset: end } }
    }
  ];
}

// src/lint.ts
var rulesetSize = (document) => ({
  rules: document.tables.reduce((n, t) => n + t.commandCount, 0),
  chains: document.tables.reduce((n, t) => n + t.chainCount, 0)
});
function lintText(text, options = {}) {
  const document = parse(text, { filePath: options.filePath });
  return { filePath: options.filePath, diagnostics: lintDocument(document, options), document };
}
function lintDocument(document, options = {}) {
  const diagnostics = [...namingUtf16(document)];
  const settings = options.settings;
  const node = mergeNode(settings?.node, options.node);
  const rules = options.rules ?? allRules;
  const family = options.family !== void 0 ? { family: options.family, because: `it is linted as IPv${options.family}` } : settings?.family;
  const model = modelOf(document, { family });
  const unread = document.text.length > 0 && document.source.lexed.lineCount === 0;
  const running = unread ? [] : rules.filter((rule) => settings?.rules.get(rule.id)?.severity !== "off");
  const reporter = (rule) => (finding) => {
    diagnostics.push({
      ruleId: rule.id,
      severity: settings?.rules.get(rule.id)?.severity ?? finding.severity ?? rule.severity,
      message: finding.message,
      range: finding.range,
      loc: document.source.locate(finding.range),
      ...finding.fix ? { fix: { ...finding.fix, ruleId: rule.id } } : {}
    });
  };
  for (const rule of running) {
    rule.check({ document, model, node, options: settings?.rules.get(rule.id)?.options, report: reporter(rule) });
  }
  const nodeRules = running.filter((rule) => rule.checkNode !== void 0);
  const rulesets = nodeRules.length > 0 && options.partners?.length ? nodeRulesets(model, options.partners) : null;
  if (rulesets !== null) {
    const self = rulesets[0];
    for (const rule of nodeRules) {
      const report = reporter(rule);
      const keep = (ruleset, finding) => ruleset === self ? report(finding) : void 0;
      rule.checkNode({ rulesets, self, node, options: settings?.rules.get(rule.id)?.options, report: keep });
    }
  }
  dropSkippedLines(diagnostics, model.skippedLines());
  diagnostics.sort((a, b) => a.range.start - b.range.start);
  if (options.suppressions === false) return diagnostics;
  const knownRules = [...new Set([...allRules, ...rules].map((r) => r.id))];
  return applySuppressions(document, diagnostics, {
    reportUnused: settings?.reportUnusedSuppressions,
    knownRules
  });
}
function nodeRulesets(model, partners) {
  const rulesetOf = (of) => {
    const family = of.family()?.family;
    return family === void 0 ? null : { document: of.document, model: of, family, backend: of.backend() };
  };
  const self = rulesetOf(model);
  if (self === null) return null;
  const others = partners.map((p) => rulesetOf(modelOf(p.document, { family: p.family }))).filter((r) => r !== null);
  return others.length === 0 ? null : [self, ...others];
}
function lintAndFix(document, options) {
  const found = lintDocument(document, { ...options, rules: fixingRules(options) });
  const { result: result2, findings, stable } = fixUntilStable(document, found, (fixed) => lintDocument(fixed, options), options);
  return { result: result2, diagnostics: findings ?? lintDocument(document, options), stable };
}
function fixFound(document, found, options) {
  const rules = fixingRules(options);
  const lintAgain = (fixed) => lintDocument(fixed, { ...options, rules });
  const { result: result2, stable, findings } = fixUntilStable(document, found, lintAgain, { ...options, onlyAfterOverlaps: true });
  const relinted = result2.passes > 1 ? { findings: findings ?? lintAgain(result2.document), rules: new Set(rules.map((r) => r.id)) } : void 0;
  return { result: result2, stable, left: unresolved(found, result2, relinted) };
}
var fixingRules = (options) => (options.rules ?? allRules).filter((rule) => rule.fixable !== false);
function dropSkippedLines(diagnostics, skipped) {
  if (skipped.length === 0) return;
  const lines = new Set(skipped);
  let kept = 0;
  for (const d of diagnostics) {
    if (d.ruleId === SYNTAX || d.ruleId === OTHER_FAMILY_LINE || !lines.has(d.loc.start.line - 1)) diagnostics[kept++] = d;
  }
  diagnostics.length = kept;
}
var errorCount = (result2) => result2.diagnostics.filter((d) => d.severity === "error").length;

export {
  regionCommands,
  applyFixes,
  unresolved,
  resolveSettings,
  applySuppressions,
  rulesetSize,
  lintText,
  lintDocument,
  lintAndFix,
  fixFound,
  errorCount
};
