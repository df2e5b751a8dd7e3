/** Paths answered by boltstack itself (health, metrics, capabilities, reset), never by a service. */
export const isInternalPath = (path: string): boolean => path.startsWith('/_boltstack/') || path === '/_localstack/health';
