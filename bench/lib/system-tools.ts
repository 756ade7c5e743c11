/**
 * The Debian tools the benchmarks compare with (nginx, postfix's smtp-sink, wrk). They are not
 * npm packages, so a bench installs the one it needs when it is missing and says so.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

interface DebianTool {
  binary: string;
  debianPackage: string;
  /** debconf answers given before installing, so that the install asks nothing. */
  preseed?: string;
}

export const NGINX: DebianTool = { binary: '/usr/sbin/nginx', debianPackage: 'nginx-light' };
export const SMTP_SINK: DebianTool = {
  binary: '/usr/sbin/smtp-sink',
  debianPackage: 'postfix',
  // Only smtp-sink is wanted, not a configured mail system on this machine.
  preseed: 'postfix postfix/main_mailer_type select No configuration',
};
export const WRK: DebianTool = { binary: '/usr/bin/wrk', debianPackage: 'wrk' };

/** The tool's path, installed with apt-get first when it is missing. */
export function ensureTool(tool: DebianTool): string {
  if (existsSync(tool.binary)) return tool.binary;
  console.log(`${tool.binary} is missing: installing the Debian package ${tool.debianPackage} with apt-get`);
  if (tool.preseed) run('debconf-set-selections', [], tool.preseed);
  if (!aptInstall(tool.debianPackage)) {
    // A machine that never ran apt-get update has no package lists yet.
    run('apt-get', ['update']);
    if (!aptInstall(tool.debianPackage)) {
      throw new Error(`apt-get could not install ${tool.debianPackage}; install it by hand and run again`);
    }
  }
  if (!existsSync(tool.binary)) {
    throw new Error(`${tool.debianPackage} was installed, but ${tool.binary} is still missing`);
  }
  console.log(`installed ${tool.debianPackage}`);
  return tool.binary;
}

/** Whether the tool is there, without installing it. */
export function hasTool(tool: DebianTool): boolean {
  return existsSync(tool.binary);
}

function aptInstall(debianPackage: string): boolean {
  return run('apt-get', ['install', '-y', '--no-install-recommends', debianPackage]);
}

function run(command: string, args: string[], input?: string): boolean {
  const result = spawnSync(command, args, {
    input,
    stdio: [input === undefined ? 'ignore' : 'pipe', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return result.status === 0;
}
