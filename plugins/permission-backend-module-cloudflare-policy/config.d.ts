export interface Config {
  cloudflare?: {
    /** The example permission policy of the Cloudflare suite. */
    permissionPolicy?: {
      /**
       * Group entity refs holding each role of the spec's matrix. Each role defaults to
       * `group:default/<role>`.
       */
      roles?: {
        security?: string[];
        platform?: string[];
        engineering?: string[];
        readers?: string[];
      };
      /** Decision for permissions that are not the suite's own (`cloudflare.*`). Default `allow`. */
      otherPermissions?: 'allow' | 'deny';
    };
  };
}
