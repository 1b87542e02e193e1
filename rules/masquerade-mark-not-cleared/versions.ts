/**
 * Which kernels have the UDP checksum fix and which kube-proxy versions clear the mark.
 *
 * Kernel: torvalds/linux ea64d8d6c675 "netfilter: nat: never update the UDP checksum when
 * it's 0", in 5.7 and the stable releases 5.6.13, 5.4.41, 4.19.123 and 4.14.181; Ubuntu
 * backported it to 4.15.0-107.108 and 5.4.0-32.36.
 * kube-proxy: PR #92035 "unmark packets before masquerading them", in v1.19.0 and the
 * backports v1.18.6, v1.17.9 and v1.16.13; v1.16.0 (PR #78547) added `--random-fully`.
 */

export type Verdict = "fixed" | "affected" | "unknown";

interface Version {
  major: number;
  minor: number;
  patch: number;
}

/** First fixed patch release of each stable series that got the backport. */
const kernelStableFixes: Record<string, number> = { "4.14": 181, "4.19": 123, "5.4": 41, "5.6": 13 };
/** Ubuntu's ABI number (`5.4.0-32-generic`) from which its kernels have the fix. */
const ubuntuFixes: Record<string, number> = { "4.15": 107, "5.4": 32 };

/** Whether a kernel (as `uname -r` prints it) has the UDP checksum fix. */
export function kernelVerdict(release: string): Verdict {
  const ubuntu = /^(\d+)\.(\d+)\.0-(\d+)-[a-z]/.exec(release);
  if (ubuntu) {
    const series = `${ubuntu[1]}.${ubuntu[2]}`;
    if (series in ubuntuFixes) return Number(ubuntu[3]) >= ubuntuFixes[series] ? "fixed" : "affected";
  }
  const v = parseVersion(release);
  if (v === null) return "unknown";
  if (v.major > 5 || (v.major === 5 && v.minor >= 7)) return "fixed";
  const series = `${v.major}.${v.minor}`;
  if (series in kernelStableFixes) return v.patch >= kernelStableFixes[series] ? "fixed" : "affected";
  // Older series and the ones that reached their end of life before the fix never got it
  // upstream; a distribution may have backported it, which we cannot tell from the number.
  return "affected";
}

/** First fixed patch release of each Kubernetes minor that got the backport. */
const kubernetesFixes: Record<number, number> = { 16: 13, 17: 9, 18: 6 };

export interface KubernetesVerdict {
  /** This kube-proxy clears the mark before masquerading. */
  clearsMark: boolean;
  /** This kube-proxy adds `--random-fully` when its iptables supports it (v1.16.0 and later). */
  randomFully: boolean;
}

export function kubernetesVerdict(text: string): KubernetesVerdict | null {
  const v = parseVersion(text.replace(/^v/, ""));
  if (v === null || v.major !== 1) return null;
  const clearsMark = v.minor >= 19 || (v.minor in kubernetesFixes && v.patch >= kubernetesFixes[v.minor]);
  return { clearsMark, randomFully: v.minor >= 16 };
}

function parseVersion(text: string): Version | null {
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(text.trim());
  return m ? { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3] ?? 0) } : null;
}
