/** The work's result, or a rejection once `ms` have passed without one (the work itself goes on). */
export function within<T>(ms: number, work: Promise<T>, message = `no answer within ${ms} ms`): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
