/**
 * Services are created on first use (DESIGN.md §6a: an idle emulator loads no service code) and
 * kept per instance. A service name without an implementation still has its catalogue: every
 * operation answers NotImplemented.
 */
import type { ServiceName } from '../model/types.js';
import type { Service, ServiceDeps } from '../services/types.js';
import type { MetaStore } from '../storage/meta-store.js';
import type { BackgroundMarkers } from '../storage/background-markers.js';

/** What services share, with the storage opened on first use (DESIGN.md §6a). */
export type RegistryDeps = Omit<ServiceDeps, 'meta' | 'blobs' | 'backgroundWork'> & {
  storage: () => Promise<Pick<ServiceDeps, 'meta' | 'blobs'>>;
  /** The data dir's background-work markers; each service gets its own (absent: ephemeral). */
  markers?: BackgroundMarkers;
};

interface ServiceModule {
  create(deps: ServiceDeps): Service | Promise<Service>;
  implementedOperations: readonly string[];
}

const MODULES: Partial<Record<ServiceName, () => Promise<ServiceModule>>> = {
  s3: async () => {
    const m = await import('../services/s3/index.js');
    return { create: m.createS3Service, implementedOperations: m.implementedOperations };
  },
  dynamodb: async () => {
    const m = await import('../services/dynamodb/index.js');
    return { create: (deps) => m.createDynamoDbService(deps), implementedOperations: m.implementedOperations };
  },
  dynamodbstreams: async () => {
    const m = await import('../services/dynamodb/streams-service.js');
    return { create: m.createDynamoDbStreamsService, implementedOperations: m.implementedOperations };
  },
  sqs: async () => {
    const m = await import('../services/sqs/index.js');
    return { create: m.createSqsService, implementedOperations: m.implementedOperations };
  },
  sns: async () => {
    const m = await import('../services/sns/index.js');
    return { create: m.createSnsService, implementedOperations: m.implementedOperations };
  },
  sts: async () => {
    const m = await import('../services/sts/index.js');
    return { create: m.createStsService, implementedOperations: m.implementedOperations };
  },
  // Each service adds its entry here when its first operation lands (health says 'not implemented' until then).
};

/**
 * Background work a service resumes when the server starts, not on its first request (an SNS
 * HTTP delivery still being retried, a running SQS message move task, a DynamoDB GSI backfill or
 * table removal): each check reads the store and says whether its service has any, without
 * loading the service; `start` then creates that service, which resumes it. A check runs only
 * for a service whose marker file exists (storage/background-markers.ts), so a data dir with no
 * work to resume is not opened.
 */
const START_CHECKS: Partial<Record<ServiceName, (meta: MetaStore) => Promise<boolean>>> = {
  sqs: async (meta) => (await import('../services/sqs/background-work.js')).hasBackgroundWork(meta),
  sns: async (meta) => (await import('../services/sns/background-work.js')).hasBackgroundWork(meta),
  dynamodb: async (meta) => (await import('../services/dynamodb/background-work.js')).hasBackgroundWork(meta),
};

/** Operations a service implements, without creating it (docs, capabilities). */
export async function implementedOperationsOf(name: ServiceName): Promise<readonly string[]> {
  const load = MODULES[name];
  return load ? (await load()).implementedOperations : [];
}

export type ServiceState = 'running' | 'available' | 'not implemented';

export class ServiceRegistry {
  #deps: RegistryDeps;
  #services = new Map<ServiceName, Promise<Service | undefined>>();
  /** The services whose creation finished: the gateway takes them without an await. */
  #ready = new Map<ServiceName, Service>();

  constructor(deps: RegistryDeps) {
    this.#deps = deps;
  }

  /** The service, created on first call; undefined when boltstack has no implementation. */
  get(name: ServiceName): Promise<Service | undefined> {
    let service = this.#services.get(name);
    if (!service) {
      const load = MODULES[name];
      const { storage, markers, ...shared } = this.#deps;
      const peer = (other: ServiceName): Promise<Service | undefined> => this.get(other);
      const backgroundWork = markers?.for(name);
      service = load
        ? Promise.all([load(), storage()]).then(([m, stored]) => m.create({ ...shared, ...stored, peer, ...(backgroundWork && { backgroundWork }) }))
        : Promise.resolve(undefined);
      // A failed start (say, the store cannot open) is retried by the next request.
      service.then((created) => { if (created !== undefined && this.#services.get(name) === service) this.#ready.set(name, created); }, () => {
        if (this.#services.get(name) === service) this.#services.delete(name);
      });
      this.#services.set(name, service);
    }
    return service;
  }

  /**
   * At server start, with the services whose marker exists: creates each that has background
   * work to resume (START_CHECKS), and drops the marker of each that has none. With no marker,
   * the store is not opened.
   */
  async start(marked: readonly string[]): Promise<void> {
    const checks = (Object.entries(START_CHECKS) as Array<[ServiceName, (meta: MetaStore) => Promise<boolean>]>).filter(([name]) => marked.includes(name));
    if (checks.length === 0) return;
    const { meta } = await this.#deps.storage();
    for (const [name, check] of checks) {
      if (await check(meta)) await this.get(name);
      else await this.#deps.markers?.clearUnlessMarked(name);
    }
  }

  /** The service if it has been created already, else undefined (then use `get`). */
  ready(name: ServiceName): Service | undefined {
    return this.#ready.get(name);
  }

  state(name: ServiceName): ServiceState {
    if (!MODULES[name]) return 'not implemented';
    return this.#services.has(name) ? 'running' : 'available';
  }


  /** Drops every created service (after a reset their caches would be stale). */
  async closeAll(): Promise<void> {
    const services = [...this.#services.values()];
    this.#services.clear();
    this.#ready.clear();
    for (const service of await Promise.all(services)) await service?.close?.();
  }
}
