/** The storage key of the settings; in its own module so that content-script loaders need no zod. */
export const SETTINGS_KEY = 'settings';
