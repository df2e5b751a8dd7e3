/** STS's key layout in the MetaStore (the only place keys are built). */
export const STS_NS = 'sts';

/** Issued temporary credentials, by access key id. */
export const credentialKey = (accessKeyId: string): string => `cred/${accessKeyId}`;
