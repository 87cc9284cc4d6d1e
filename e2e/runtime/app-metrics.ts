import { readdirSync, readFileSync } from 'node:fs';
import type { ProcessMetric } from 'electron';

/**
 * app.getAppMetrics() for the test runtime: the Node process running main plus every Chromium process it
 * started, read from /proc (Linux). These are the RUNTIME's figures — a Node host and Debian's Chromium, not
 * Electron's single browser process — so each metric's `name` starts with "test runtime:".
 * Memory is in kilobytes as Electron reports it; CPU percent is since the previous call.
 */
export function createAppMetrics(rootPid: number = process.pid): () => ProcessMetric[] {
  const clockTicks = 100; // USER_HZ on Linux
  const previous = new Map<number, { cpuSeconds: number; at: number }>();
  return () => {
    const now = Date.now();
    return processTree(rootPid).map(({ pid, stat, status, cmdline }) => {
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cpuSeconds = (Number(fields[11]) + Number(fields[12])) / clockTicks; // utime + stime
      const before = previous.get(pid);
      previous.set(pid, { cpuSeconds, at: now });
      const percent = before && now > before.at ? ((cpuSeconds - before.cpuSeconds) * 100_000) / (now - before.at) : 0;
      const kb = (key: string): number => Number(/^(\w+):\s+(\d+)/m.exec(status.split('\n').find((line) => line.startsWith(`${key}:`)) ?? '')?.[2] ?? 0);
      const type = pid === rootPid ? 'Browser' : processType(cmdline);
      return {
        pid,
        type,
        name: `test runtime: ${pid === rootPid ? 'Node (main process)' : `Chromium ${type}`}`,
        creationTime: now,
        cpu: { percentCPUUsage: percent, cumulativeCPUUsage: cpuSeconds, idleWakeupsPerSecond: 0 },
        memory: { workingSetSize: kb('VmRSS'), peakWorkingSetSize: kb('VmHWM'), privateBytes: kb('RssAnon') },
        sandboxed: false,
      } as ProcessMetric;
    });
  };
}

interface ProcessInfo {
  pid: number;
  stat: string;
  status: string;
  cmdline: string[];
}

function processTree(rootPid: number): ProcessInfo[] {
  const all: ProcessInfo[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const read = (file: string): string => readFileSync(`/proc/${entry}/${file}`, 'utf8');
      all.push({ pid: Number(entry), stat: read('stat'), status: read('status'), cmdline: read('cmdline').split('\0') });
    } catch {
      // the process ended while being read
    }
  }
  const parentOf = (info: ProcessInfo): number => Number(info.stat.slice(info.stat.lastIndexOf(')') + 2).split(' ')[1]);
  const inTree = new Set([rootPid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const info of all) {
      if (!inTree.has(info.pid) && inTree.has(parentOf(info))) {
        inTree.add(info.pid);
        grew = true;
      }
    }
  }
  // Only Chromium and the host itself: helper shells or node children (e.g. the single-instance probe) are not the app.
  return all.filter((info) => inTree.has(info.pid) && (info.pid === rootPid || /chrom/i.test(info.cmdline[0] ?? '')));
}

/** Electron's process types from Chromium's --type switch (Chromium rewrites its children's titles into one string). */
function processType(cmdline: string[]): ProcessMetric['type'] {
  const type = /(?:^|\s)--type=([\w-]+)/.exec(cmdline.join(' '))?.[1];
  switch (type) {
    case undefined: return 'Browser';
    case 'renderer': return 'Tab';
    case 'gpu-process': return 'GPU';
    case 'utility': return 'Utility';
    case 'zygote': return 'Zygote';
    default: return 'Unknown';
  }
}
