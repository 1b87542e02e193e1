/**
 * Match modules, by what their answer depends on.
 */

/**
 * Matches whose answer depends on earlier packets or on chance (counters, rates, random
 * numbers, lists of recent sources): two rules with one of these do not answer alike.
 */
export const STATEFUL_MATCHES: ReadonlySet<string> = new Set(["statistic", "nth", "random", "limit", "hashlimit", "recent", "quota", "quota2", "connlimit"]);
