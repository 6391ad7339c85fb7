/**
 * Domain modules that are installed in this build. The portal shows a navigation section only when its
 * module is here, so no visitor meets an empty placeholder. Each module adds itself when it lands.
 */
export const INSTALLED_MODULES: ReadonlySet<string> = new Set<string>([]);
