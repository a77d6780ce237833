/**
 * Whether a process with this id is running on this machine (signal 0 checks without sending
 * anything). A process of another user counts as running (`EPERM`).
 */
export function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
