/** Recorded with every registration; in its own module so that content scripts need not load the lexicons for it. */
export const CLASSIFIER_VERSION = '1.0.0';
