/**
 * A rule's README, the longer explanation `iptlint explain` prints: a `# id` title, a paragraph
 * on its severity, and `## What it does`, `## Why it matters`, `## Example`, `## Fix` and
 * `## References` sections (see rules/README.md). Read here as text; files are read by the CLI.
 */

/** The README's sections by heading, each without its heading line and the blank lines around it. */
export function readmeSections(markdown: string): Map<string, string> {
  const sections = new Map<string, string>();
  const parts = markdown.split(/^## +/m);
  for (const part of parts.slice(1)) {
    const newline = part.indexOf("\n");
    const heading = (newline === -1 ? part : part.slice(0, newline)).trim();
    sections.set(heading, newline === -1 ? "" : part.slice(newline + 1).trim());
  }
  return sections;
}

/** The README without its `# id` title: the rule's name is shown beside it wherever this is. */
export const readmeBody = (markdown: string): string => markdown.replace(/^# [^\n]*\n+/, "").trimEnd();
